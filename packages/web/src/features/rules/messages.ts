/** UI strings of the rules pages (merged into lib/messages-zh.ts and messages-en.ts; keys start with 'rules.'). */
export const zh = {} as const;

export const en: Record<keyof typeof zh, string> = {};
