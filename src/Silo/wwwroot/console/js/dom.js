// Small DOM helpers: views come from <template>s in index.html; dynamic items are built with textContent only, so no
// server text is ever parsed as HTML.
import { t, translate } from './i18n.js';

/** A fresh copy of a view template, translated. */
export function view(templateId) {
  const fragment = document.getElementById(templateId).content.cloneNode(true);
  translate(fragment);
  return fragment;
}

/** An element with attributes (class, dataset entries as data-*, others as attributes) and text or child nodes. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'class') {
      element.className = value;
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
  return element;
}

/** Replaces a definition list's content with [term, value] pairs. */
export function facts(list, pairs) {
  list.replaceChildren(...pairs.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]));
}

/** The message for an error: a known API code in the UI language, else a generic one. */
export function errorText(error) {
  if (error?.code === 'NETWORK') {
    return t('error.network');
  }
  if (error?.code === 'VALIDATION_ERROR') {
    return t('error.VALIDATION_ERROR', { detail: Object.values(error.errors ?? {}).flat().join(' ') || error.message });
  }
  const key = `error.${error?.code}`;
  const text = t(key);
  return text === key ? t('error.generic') : text;
}

/** Shows an error (or clears it with null) in a role="alert" element. */
export function showError(element, error) {
  element.textContent = error ? errorText(error) : '';
}

/** Saves a file response (fetched with the bearer token, which a plain link cannot carry) under its server-given name. */
export async function downloadResponse(response, fallbackName) {
  const blob = await response.blob();
  const name = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
