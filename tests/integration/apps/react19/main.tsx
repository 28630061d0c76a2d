// React 19 with the tags themselves: zwgk-kit/react-jsx types <zwgk-…> in JSX — settings by their attribute
// names (heading-level: React 19 writes an attribute wherever the element is not yet defined, and on the
// server), `data` as a property, onzwgk-… events; React 19 sets properties and adds the listeners.
import type {} from 'zwgk-kit/react-jsx';
import 'zwgk-kit/contact-card.js';
import 'zwgk-kit/directory.js';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { items, office } from './fixture.ts';

function App() {
  const [searched, setSearched] = useState('');
  return (
    <main>
      <zwgk-contact-card id="card" data={office} variant="compact" heading-level={3} />
      {/* @ts-expect-error variant is 'full' | 'compact': the props are typed, not any */}
      <zwgk-contact-card variant="tiny" />
      {/* @ts-expect-error heading-level is a number: attributes are typed too */}
      <zwgk-contact-card heading-level="three" />
      <zwgk-directory id="directory" data={items} url-state="off" onzwgk-search={(event) => setSearched(event.detail.q ?? '')} />
      <output id="searched">{searched}</output>
    </main>
  );
}

createRoot(document.getElementById('app')!).render(<App />);
