// React 18 through zwgk-kit/react: React 18 would set `data` as the attribute "[object Object]" and never
// hear custom events; the @lit/react wrappers set properties and map onZwgk… props to listeners.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ZwgkContactCard, ZwgkDirectory } from 'zwgk-kit/react';
import { items, office } from './fixture.ts';

function App() {
  const [searched, setSearched] = useState('');
  return (
    <main>
      <ZwgkContactCard id="card" data={office} variant="compact" headingLevel={3} />
      {/* @ts-expect-error headingLevel is a number: the props are typed, not any */}
      <ZwgkContactCard headingLevel="three" />
      <ZwgkDirectory id="directory" data={items} urlState="off" onZwgkSearch={(event) => setSearched(event.detail.q ?? '')} />
      <output id="searched">{searched}</output>
    </main>
  );
}

createRoot(document.getElementById('app')!).render(<App />);
