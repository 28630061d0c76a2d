/** What a browser at the floor would drop or misread in one stylesheet (see check-floor.mjs); empty when nothing. */
export declare function cssProblems(text: string): string[];
