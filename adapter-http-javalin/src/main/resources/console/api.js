// The console's only way to the server: the public token endpoint and the two dialects' public routes, with the
// signed-in client's access token. The token lives in this module's memory only (never in storage, a cookie or
// a URL): reloading the page signs out.

let accessToken = null;
let onSignedOut = () => {};

/** A refusal of the server, in the words of its error body. */
export class Refused extends Error {
  constructor(status, messages) {
    super(messages.join(' '));
    this.status = status;
    this.messages = messages;
  }
}

/** Called with a message when the server stops accepting the token (expired, revoked, client deleted). */
export function whenSignedOut(callback) {
  onSignedOut = callback;
}

export async function signIn(clientId, clientSecret) {
  const body = new URLSearchParams({grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret});
  const response = await fetch('/oauth2/token', {method: 'POST', body, cache: 'no-store', credentials: 'omit'});
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Refused(response.status, [signInRefusal(response, answer)]);
  }
  accessToken = answer.access_token;
}

export function signOut() {
  accessToken = null;
}

function signInRefusal(response, answer) {
  if (response.status === 401) {
    return 'The client ID or secret is wrong.';
  }
  if (response.status === 429) {
    return 'Too many failed attempts for this client: try again in '
        + (response.headers.get('Retry-After') || 'a few') + ' seconds.';
  }
  return answer.error_description || 'Sign-in failed (HTTP ' + response.status + ').';
}

/**
 * Calls a dialect route with the token. Answers {status, headers, body}; throws {@link Refused} with the messages of
 * the dialect's error body (Simpro's errors[], Sage Intacct's ia::error) for any 4xx or 5xx.
 */
export async function call(method, path, {json, headers = {}} = {}) {
  const init = {method, cache: 'no-store', credentials: 'omit',
    headers: {...headers, Authorization: 'Bearer ' + accessToken}};
  if (json !== undefined) {
    init.body = JSON.stringify(json);
    init.headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new Refused(0, ['The server cannot be reached: ' + e.message]);
  }
  const body = parse(await response.text());
  if (response.ok) {
    return {status: response.status, headers: response.headers, body};
  }
  const refused = new Refused(response.status, messagesOf(response.status, body));
  if (response.status === 401) {
    accessToken = null;
    onSignedOut('Your session has ended (' + refused.message + '). Please sign in again.');
  }
  throw refused;
}

/** The body as JSON; null when it is empty or not JSON (a proxy's error page, say). */
function parse(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function messagesOf(status, body) {
  const simpro = body && body.errors;
  if (Array.isArray(simpro)) {
    return simpro.map(problem => problem.message);
  }
  const intacct = body && body['ia::result'] && body['ia::result']['ia::error'];
  if (intacct) {
    const details = (intacct.details || []).map(detail => detail.message)
        .filter(message => message && message !== intacct.message);
    return [intacct.message, ...details];
  }
  return ['The server refused the request (HTTP ' + status + ').'];
}

/** The Sage Intacct dialect: customer types of one company, named by the X-IA-API-Param-Entity header. */
export const TYPES = '/objects/accounts-receivable/customer-type';

export function intacct(companyId) {
  const headers = {'X-IA-API-Param-Entity': String(companyId)};
  return {
    query: request => call('POST', '/services/core/query',
        {json: {object: 'accounts-receivable/customer-type', ...request}, headers}),
    create: type => call('POST', TYPES, {json: type, headers}),
    update: (key, change) => call('PATCH', TYPES + '/' + encodeURIComponent(key), {json: change, headers}),
    remove: key => call('DELETE', TYPES + '/' + encodeURIComponent(key), {headers}),
  };
}

/** The Simpro dialect: customer profiles of one company. */
export function simpro(companyId) {
  const base = '/api/v1.0/companies/' + encodeURIComponent(companyId) + '/setup/customerProfiles/';
  return {
    list: parameters => call('GET', base + '?' + new URLSearchParams(parameters)),
    create: name => call('POST', base, {json: {Name: name}}),
    update: (id, change) => call('PATCH', base + encodeURIComponent(id), {json: change}),
    remove: id => call('DELETE', base + encodeURIComponent(id)),
  };
}

export function companies() {
  return call('GET', '/api/v1.0/companies/');
}
