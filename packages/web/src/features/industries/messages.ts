/** UI strings of the industries pages (merged into lib/messages-zh.ts and messages-en.ts; keys start with 'industries.'). */
export const zh = {} as const;

export const en: Record<keyof typeof zh, string> = {};
