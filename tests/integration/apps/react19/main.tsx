// React 19 with the tags themselves: zwgk-kit/react-jsx types <zwgk-…> in JSX (properties, onzwgk-… events);
// React 19 sets properties and adds the listeners.
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
      <zwgk-contact-card id="card" data={office} variant="compact" headingLevel={3} />
      {/* @ts-expect-error variant is 'full' | 'compact': the props are typed, not any */}
      <zwgk-contact-card variant="tiny" />
      <zwgk-directory id="directory" data={items} urlState="off" onzwgk-search={(event) => setSearched(event.detail.q ?? '')} />
      <output id="searched">{searched}</output>
    </main>
  );
}

createRoot(document.getElementById('app')!).render(<App />);
