/**
 * Keeps the breaking-news banner of an open page current: `site` topic `banner` events (from the
 * live-stream island) put a banner up, change it or take it down, in place and announced politely; the
 * banner goes at its expiry time; a reader can dismiss a banner, and it stays dismissed on every page.
 * The markup mirrors src/render/components/breaking-banner.tsx.
 */
interface Banner {
  id: number;
  text: string;
  href: string;
  expiresAt: string | null;
}

const dismissedKey = 'broadsheet:dismissed-banners';
const slot = document.getElementById('breaking-slot');
let expiryTimer: ReturnType<typeof setTimeout> | undefined;

function dismissed(): number[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(dismissedKey) ?? '[]');
    return Array.isArray(list) ? list.filter((id) => typeof id === 'number') : [];
  } catch {
    return [];
  }
}

function remember(id: number): void {
  try {
    localStorage.setItem(dismissedKey, JSON.stringify([...dismissed(), id].slice(-20)));
  } catch {
    // Private browsing without storage: dismissed for this page only.
  }
}

/** A polite live region, created at start so later changes to it are announced. */
const announcer = document.createElement('div');
announcer.className = 'visually-hidden';
announcer.setAttribute('role', 'status');
document.body.append(announcer);

function current(): HTMLElement | null {
  return slot?.querySelector<HTMLElement>('.breaking') ?? null;
}

function safeHref(href: string): boolean {
  return href.startsWith('https://') || (href.startsWith('/') && !href.startsWith('//'));
}

function build(banner: Banner): HTMLElement {
  const region = document.createElement('section');
  region.className = 'breaking';
  region.setAttribute('aria-label', 'Breaking news');
  region.innerHTML =
    '<div class="breaking-inner"><p class="breaking-line"><strong class="breaking-kicker">Breaking</strong> ' +
    '<a class="breaking-link"></a></p><button type="button" class="breaking-dismiss" ' +
    'aria-label="Dismiss breaking news"><span aria-hidden="true">×</span></button></div>';
  fill(region, banner);
  return region;
}

function fill(region: HTMLElement, banner: Banner): void {
  region.dataset.banner = String(banner.id);
  if (banner.expiresAt) region.dataset.expires = banner.expiresAt;
  else delete region.dataset.expires;
  const link = region.querySelector('a');
  if (link) {
    link.textContent = banner.text;
    link.href = banner.href;
  }
}

function enhance(region: HTMLElement): void {
  const id = Number(region.dataset.banner);
  const button = region.querySelector<HTMLButtonElement>('.breaking-dismiss');
  if (button) {
    button.hidden = false;
    button.onclick = () => {
      remember(id);
      hide(region);
      // The button is gone: keep keyboard users at the top of the page rather than nowhere.
      document.getElementById('main')?.focus({ preventScroll: true });
    };
  }
  clearTimeout(expiryTimer);
  const expires = Date.parse(region.dataset.expires ?? '');
  if (!Number.isNaN(expires)) {
    // Timers longer than ~24.8 days overflow; banners expire within a week.
    expiryTimer = setTimeout(() => hide(region), Math.max(0, expires - Date.now()));
  }
}

/** Collapses the banner (CSS animates the height, so what is below moves smoothly, once). */
function hide(region: HTMLElement): void {
  clearTimeout(expiryTimer);
  region.classList.add('breaking-leaving');
  const done = () => region.remove();
  region.addEventListener('transitionend', done, { once: true });
  setTimeout(done, 400);
}

function show(banner: Banner | null): void {
  const existing = current();
  if (!banner || !safeHref(banner.href) || dismissed().includes(banner.id)) {
    if (existing) hide(existing);
    return;
  }
  if (banner.expiresAt && Date.parse(banner.expiresAt) <= Date.now()) {
    if (existing) hide(existing);
    return;
  }
  if (existing && !existing.classList.contains('breaking-leaving')) {
    // Same place, new words: no movement at all.
    const link = existing.querySelector('a');
    const changed =
      existing.dataset.banner !== String(banner.id) ||
      link?.textContent !== banner.text ||
      link.getAttribute('href') !== banner.href;
    fill(existing, banner);
    enhance(existing);
    if (changed) announcer.textContent = `Breaking news: ${banner.text}`;
    return;
  }
  const region = build(banner);
  region.classList.add('breaking-entering');
  slot?.prepend(region);
  enhance(region);
  // Next frame: start the height transition from zero.
  requestAnimationFrame(() => requestAnimationFrame(() => region.classList.remove('breaking-entering')));
  announcer.textContent = `Breaking news: ${banner.text}`;
}

if (slot) {
  const region = current();
  if (region) {
    if (dismissed().includes(Number(region.dataset.banner))) region.remove();
    else enhance(region);
  }
  document.addEventListener('broadsheet:live', (event) => {
    const { topic, type, data } = (event as CustomEvent<{ topic: string; type: string; data: unknown }>)
      .detail;
    if (topic !== 'site' || type !== 'banner') return;
    const banner = (data as { banner?: Banner | null } | null)?.banner;
    if (banner !== undefined) show(banner);
  });
}
