// The events view's state lives in the URL: these read and write it.

export const FILTERS = ["text", "actor", "recipient", "type", "cameo", "country", "place", "since", "until"];

export function filtersOf(params) {
  const out = {};
  for (const name of FILTERS) if (params.get(name)) out[name] = params.get(name);
  return out;
}

// A URL for the events view with ``changes`` applied to ``params`` (null removes a key).
export function eventsUrl(params, changes) {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === "" || value === undefined) next.delete(key);
    else next.set(key, value);
  }
  const query = next.toString();
  return query ? `/?${query}` : "/";
}
