// The console's shell: sign-in, the company picker and the two tabs. Each tab is a module of its own that is
// (re)started with the chosen company.
import {companies, signIn, signOut, whenSignedOut} from './api.js';
import {element} from './dom.js';
import {showProfiles} from './profiles.js';
import {showTypes} from './types.js';

const $ = id => document.getElementById(id);
let current = {company: null, tab: 'profiles'};

function say(message) {
  $('notice').textContent = message;
}

function showSignIn(message) {
  signOut();
  $('work-view').hidden = true;
  $('session').hidden = true;
  $('sign-in-view').hidden = false;
  $('client-secret').value = '';
  $('sign-in-error').textContent = message || '';
  $('client-id').focus();
}

async function submitSignIn(event) {
  event.preventDefault();
  const clientId = $('client-id').value.trim();
  const secret = $('client-secret').value;
  $('sign-in-error').textContent = '';
  try {
    await signIn(clientId, secret);
  } catch (refused) {
    $('sign-in-error').textContent = refused.message;
    $('client-secret').select();
    return;
  } finally {
    $('client-secret').value = '';
  }
  $('who').textContent = clientId;
  say('');
  await loadCompanies();
}

async function loadCompanies() {
  let visible;
  try {
    visible = (await companies()).body;
  } catch (refused) {
    showSignIn(refused.message);
    return;
  }
  if (visible.length === 0) {
    showSignIn('This client may not see any company: ask an administrator for a grant.');
    return;
  }
  const picker = $('company');
  picker.replaceChildren(...visible.map(company =>
    element('option', {value: company.ID, textContent: company.Name + ' (' + company.ID + ')'})));
  $('sign-in-view').hidden = true;
  $('session').hidden = false;
  $('work-view').hidden = false;
  current.company = picker.value;
  show(current.tab);
}

function show(tab) {
  current.tab = tab;
  for (const name of ['profiles', 'types']) {
    const selected = name === tab;
    $('tab-' + name).setAttribute('aria-selected', String(selected));
    $('tab-' + name).tabIndex = selected ? 0 : -1;
    $(name + '-view').hidden = !selected;
  }
  (tab === 'profiles' ? showProfiles : showTypes)(current.company);
}

function tabKeys(event) {
  if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
    const next = current.tab === 'profiles' ? 'types' : 'profiles';
    show(next);
    $('tab-' + next).focus();
    event.preventDefault();
  }
}

whenSignedOut(showSignIn);
$('sign-in').addEventListener('submit', submitSignIn);
$('sign-out').addEventListener('click', () => {
  showSignIn();
  say('Signed out.');
});
$('company').addEventListener('change', event => {
  current.company = event.target.value;
  say('');
  show(current.tab);
});
$('tab-profiles').addEventListener('click', () => show('profiles'));
$('tab-types').addEventListener('click', () => show('types'));
$('tab-profiles').addEventListener('keydown', tabKeys);
$('tab-types').addEventListener('keydown', tabKeys);
$('client-id').focus();
