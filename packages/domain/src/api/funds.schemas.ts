// Zod schemas of the funds API (issue 7); see CONVENTIONS "Recipe: a new server module" step 2.
export {};
