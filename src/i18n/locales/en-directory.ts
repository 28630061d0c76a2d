
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
  's0ac2ed4fd50c821d': `Try other words or fewer filters.`,
  's0bfec880e0351790': `Clear the search`,
  's0e4e4c846c34f036': `Previous`,
  's11a74f0896cc2664': `Pages`,
  's131c338472a22911': `Next`,
  's15a3e0089a35e30d': `All`,
  's1c36109c34d4b578': `Metadata`,
  's2d78b789cd6849ab': `Preparing the search…`,
  's2e431de528e0d2ee': `Searching…`,
  's2f3d7a08af412fdc': `Expired`,
  's3a71cb08b8f179ba': `Year`,
  's3c2e4408bab58f84': `Repealed`,
  's51a23afc62535563': `Publisher`,
  's520db13c1ddeccf6': `Date generated`,
  's529d6238d437a445': `Index no.`,
  's5ac333fc6a10fb25': `Published`,
  's5e15f1aabf019e68': `Filter and sort`,
  's5e203cca0cbdbc81': `Subject category`,
  's66dceb84e118c571': `Keywords`,
  's6c174f57e0cf6fa2': `No documents match.`,
  's6c1c0caf9b11b673': `Clear all conditions`,
  's6c62390809c7474e': `Sort`,
  's736371a7d36d52f3': `By title`,
  's7779feba112dcd59': `Validity`,
  's77f92b6ec96ff6a5': `The directory is empty.`,
  's784d1a08140c16e4': `In force`,
  's811ec1081bed4ec3': `Document no.`,
  's83419e081dda8f1b': `Search`,
  's85b206a1b77b5c12': str`${0} (${1})`,
  's8f158710bc73b98e': `Most relevant`,
  's976b2e082f1267cc': `Clear`,
  's976c1b536ea330f1': `Details`,
  's98c876167a8c1545': `Newest first`,
  's9e53267be7e5982e': `Search the directory`,
  'sa2b052038a4cd5c3': str`Filter and sort (${0} chosen)`,
  'sa4b0f92f9ed9b976': str`Page ${0}`,
  'sb0349d1566f15abe': `Oldest first`,
  'sba6c8f898c041309': str`${0} found, page ${1} of ${2}`,
  'sc82c530d2a5005b3': `Search titles, document numbers, index numbers or keywords.`,
  'scb9d8e7046b83589': str`${0} found, page ${1} of ${2}.`,
  'scbbaa26baf13f968': `Date written`,
};
