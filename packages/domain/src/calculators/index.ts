// Pure rules of the calculators area (issue 7), no I/O.
export {};
