/** UI strings of the calculators pages (merged into lib/messages-zh.ts and messages-en.ts; keys start with 'calculators.'). */
export const zh = {} as const;

export const en: Record<keyof typeof zh, string> = {};
