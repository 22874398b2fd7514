/** UI strings of the projects pages (merged into lib/messages-zh.ts and messages-en.ts; keys start with 'projects.'). */
export const zh = {} as const;

export const en: Record<keyof typeof zh, string> = {};
