// Pure rules of the entities area (issue 7), no I/O.
export {};
