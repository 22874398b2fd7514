/** UI strings of the entities pages (merged into lib/messages-zh.ts and messages-en.ts; keys start with 'entities.'). */
export const zh = {} as const;

export const en: Record<keyof typeof zh, string> = {};
