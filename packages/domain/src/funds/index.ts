// Pure rules of the funds area (issue 7), no I/O.
export {};
