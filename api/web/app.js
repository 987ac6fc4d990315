// Web chat: talks to POST /api/chat. All text is inserted with textContent (never innerHTML), links are
// built as elements, so nothing a resident or the catalogue sends can inject markup.
const log = document.getElementById('log');
const form = document.getElementById('ask');
const input = document.getElementById('q');

function sessionId() {
  let id = localStorage.getItem('motcua-session');
  if (!id) {
    id = (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2)).replace(
      /[^A-Za-z0-9-]/g,
      '',
    );
    localStorage.setItem('motcua-session', id);
  }
  return id;
}

function appendText(el, text) {
  const parts = text.split(/(https?:\/\/[^\s)]+)/g);
  for (const part of parts) {
    if (/^https?:\/\//.test(part)) {
      const a = document.createElement('a');
      a.href = part;
      a.textContent = part;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      el.appendChild(a);
    } else if (part) {
      el.appendChild(document.createTextNode(part));
    }
  }
}

function bubble(kind, text) {
  const el = document.createElement('div');
  el.className = `msg ${kind}`;
  appendText(el, text);
  log.appendChild(el);
  // A new answer is read from its start (the procedure name and code), so keep its top in view;
  // the resident's own message and the typing hint just scroll to the bottom.
  el.scrollIntoView({ block: kind === 'bot' ? 'start' : 'end' });
  return el;
}

function render(reply) {
  const el = bubble('bot', reply.text);
  el.dataset.answered = String(reply.answered);
  if (reply.procedure) el.dataset.code = reply.procedure.code;
  const buttons = reply.choices.map((c) => ({
    label: c.label,
    action: { type: 'pick', code: c.code },
    echo: c.label,
  }));
  if (reply.hasMore && reply.procedure) {
    buttons.push({
      label: 'Xem thêm',
      action: { type: 'more', code: reply.procedure.code },
      echo: 'Xem thêm',
    });
  }
  if (reply.form) {
    // The procedure can be filed online: open the mini-app (served by this server) at its form.
    const apply = document.createElement('a');
    apply.className = 'apply';
    apply.href = `/miniapp/#/apply/${encodeURIComponent(reply.form.code)}`;
    apply.textContent = 'Nộp hồ sơ trực tuyến';
    el.appendChild(apply);
  }
  if (buttons.length > 0) {
    const box = document.createElement('div');
    box.className = 'choices';
    for (const b of buttons) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = b.label;
      button.addEventListener('click', () => send(b.echo, b.action));
      box.appendChild(button);
    }
    el.appendChild(box);
  }
}

async function send(text, action) {
  bubble('user', text);
  const waiting = bubble('bot typing', 'Đang tìm…');
  try {
    const res = await fetch('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId: sessionId(), text, ...(action ? { action } : {}) }),
    });
    const body = await res.json();
    waiting.remove();
    if (!res.ok) {
      bubble('bot', body?.error?.message ?? 'Có lỗi xảy ra, bạn thử lại sau nhé.');
      return;
    }
    render(body);
  } catch {
    waiting.remove();
    bubble('bot', 'Không kết nối được máy chủ. Bạn kiểm tra mạng rồi thử lại nhé.');
  }
}

/** Fits the box to its text, up to the CSS max-height (a letter shows several lines). */
function fitInput() {
  input.style.height = '';
  // Empty, it is one line (a long placeholder would otherwise count as text).
  if (input.value) input.style.height = `${input.scrollHeight + 2}px`;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  input.value = '';
  fitInput();
  send(text);
});
input.addEventListener('input', fitInput);
// Enter sends, as in a one-line box; Shift+Enter starts a new line of a letter.
input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    form.requestSubmit();
  }
});

bubble(
  'bot',
  'Xin chào! Bạn cần làm thủ tục gì? Ví dụ: "đăng ký kết hôn cần giấy tờ gì", "lam giay khai sinh cho be".',
);
