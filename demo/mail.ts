// The demo mailbox: lists what the demo's local SMTP sink received (GET /demo-mail.json), refreshed every 2 s.
// Everything is shown as text; the HTML part in a sandboxed frame that runs no script.
interface Mail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  receivedAt: string;
}

const list = document.querySelector<HTMLDivElement>('#mails')!;
const statusLine = document.querySelector<HTMLParagraphElement>('#status')!;
let shown = '';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
}

function render(mail: Mail): HTMLElement {
  const article = element('article');
  article.className = 'mail';
  article.append(element('h2', mail.subject));
  const meta = element('dl');
  for (const [label, value] of [
    ['收件人 To', mail.to.join(', ')],
    ['发件人 From', mail.from],
    ['时间 Received', new Date(mail.receivedAt).toLocaleString()],
    ['Message-ID', mail.messageId],
  ]) {
    meta.append(element('dt', label), element('dd', value));
  }
  article.append(meta, element('pre', mail.text));
  if (mail.html) {
    const details = element('details');
    details.append(element('summary', 'HTML 版本 / HTML part'));
    const frame = element('iframe');
    frame.setAttribute('sandbox', '');
    frame.title = `HTML: ${mail.subject}`;
    frame.srcdoc = mail.html;
    details.append(frame);
    article.append(details);
  }
  return article;
}

async function refresh(): Promise<void> {
  try {
    const response = await fetch('/demo-mail.json', { cache: 'no-store' });
    const { sink, messages } = (await response.json()) as { sink: string | null; messages: Mail[] };
    const key = messages.map((m) => m.messageId).join();
    statusLine.textContent = sink
      ? `${messages.length} 封邮件（演示 SMTP：${sink}）。提交一份申请或在意见箱写信试试。`
      : 'ZWGK_SMTP_URL 指向真实的邮件服务器，演示邮箱未启用。';
    if (key === shown) return;
    shown = key;
    list.replaceChildren(...messages.map(render));
  } catch {
    statusLine.textContent = '演示服务器未响应，稍后自动重试。';
  }
}

void refresh();
setInterval(() => void refresh(), 2000);
export {};
