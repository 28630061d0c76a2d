
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
  's004aa90888122420': `Fax`,
  's1b6b68089ee34e1d': `Address`,
  's30189008b07bb70a': `Copy`,
  's54eca08e054bc2d6': `Contact person`,
  's55baa90f4c8601aa': str`Could not copy automatically. Please select the ${0} and copy it yourself.`,
  's86a7d56724f8ac3e': str`Copy ${0} ${1}`,
  's964a62d1dc49d27d': `Save contact`,
  'sa7a709f8b97930b4': str`Copied ${0}: ${1}`,
  'sb5b6e70848bed4b7': `Phone`,
  'sc5f5d50338198094': `No contact details yet.`,
  'scb3fab085ae287bf': `Website`,
  'sea4fe13ab74927c5': `Phone/fax`,
  'sed76f4cb363e8c97': `View map`,
  'sf342220956696045': `Postcode`,
  'sf40cc0c0a87c6fa5': `Office hours`,
  'sfac698c5b551fb81': `Email`,
};
