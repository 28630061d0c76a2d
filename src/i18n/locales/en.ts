
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's004aa90888122420': `Fax`,
's0798f4e889cfebe4': str`The server had a problem (${0})`,
's0cf300e598c1c892': `It cannot be shown for now. Try again later or contact the website’s administrator.`,
's1b6b68089ee34e1d': `Address`,
's2175d2af35f33054': `The server is not answering right now. Please select “Retry” in a moment.`,
's28c7cdd70e0a2122': `It may have been removed. Try again later or contact the website’s administrator.`,
's30189008b07bb70a': `Copy`,
's50fb4cf017548249': `Loading…`,
's54eca08e054bc2d6': `Contact person`,
's5588316525c3ad00': `The data received is not in the expected format`,
's55baa90f4c8601aa': str`Could not copy automatically. Please select the ${0} and copy it yourself.`,
's56bf85a32648e1ef': `Please select “Retry”.`,
's75adeedc711eaeaf': `The information was not found`,
's86a7d56724f8ac3e': str`Copy ${0} ${1}`,
's964a62d1dc49d27d': `Save contact`,
's9e06144cc7f93d62': `This is not something you did wrong. Please select “Retry” in a moment.`,
'sa7a709f8b97930b4': str`Copied ${0}: ${1}`,
'sb5b6e70848bed4b7': `Phone`,
'sba8b3d6394a03e71': `The server could not be reached`,
'sc5f5d50338198094': `No contact details yet.`,
'sca7739f011778b90': `Check your internet connection, then select “Retry”.`,
'scb3fab085ae287bf': `Website`,
'sdb92f9237261b514': `The request was cancelled`,
'sea4fe13ab74927c5': `Phone/fax`,
'sed76f4cb363e8c97': `View map`,
'sf14eef0954efc3b7': `Retry`,
'sf342220956696045': `Postcode`,
'sf3eee7744661ef93': `The server took too long to answer`,
'sf40cc0c0a87c6fa5': `Office hours`,
'sfac698c5b551fb81': `Email`,
    };
  