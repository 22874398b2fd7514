// Zod schemas of the calculators API (issue 7); see CONVENTIONS "Recipe: a new server module" step 2.
export {};
