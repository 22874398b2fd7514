/** UI strings of the funds pages (merged into lib/messages-zh.ts and messages-en.ts; keys start with 'funds.'). */
export const zh = {} as const;

export const en: Record<keyof typeof zh, string> = {};
