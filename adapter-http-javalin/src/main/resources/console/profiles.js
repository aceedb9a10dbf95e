// Customer profiles of one company as a table, through the Simpro dialect: the server filters, sorts and pages
// (page, pageSize, Result-Total), so a company of 100 000 profiles costs one page per view.
import {simpro} from './api.js';
import {element, problemSlot} from './dom.js';

const $ = id => document.getElementById(id);
const state = {company: null, page: 1, order: 'ID', search: '', archived: 'false', generation: 0};
let searchTimer = null;

export function showProfiles(company) {
  if (state.company !== company) {
    state.company = company;
    state.page = 1;
  }
  load();
}

/** A Simpro wildcard value that matches names containing the text: % around it, its own % and \ escaped. */
function contains(text) {
  return '%' + text.replace(/[\\%]/g, character => '\\' + character) + '%';
}

async function load() {
  const generation = ++state.generation;
  const pageSize = Number($('profile-page-size').value);
  const parameters = {columns: 'ID,Name,Archived', orderby: state.order, page: state.page, pageSize};
  if (state.search) {
    parameters.Name = contains(state.search);
  }
  if (state.archived) {
    parameters.Archived = state.archived;
  }
  $('profiles').setAttribute('aria-busy', 'true');
  try {
    const answer = await simpro(state.company).list(parameters);
    if (generation !== state.generation) {
      return; // a newer request is on its way; its answer is the one to show
    }
    const total = Number(answer.headers.get('Result-Total'));
    const pages = Number(answer.headers.get('Result-Pages'));
    if (state.page > 1 && state.page > pages) {
      state.page = Math.max(1, pages); // the last page emptied (a delete, a stricter filter)
      load();
      return;
    }
    $('profiles-error').textContent = '';
    render(answer.body);
    $('profiles-page').textContent = total === 0 ? 'No profile matches.'
        : 'Page ' + state.page + ' of ' + pages + ' · ' + total + (total === 1 ? ' profile' : ' profiles');
    $('profiles-prev').disabled = state.page <= 1;
    $('profiles-next').disabled = state.page >= pages;
  } catch (refused) {
    if (generation === state.generation) {
      $('profiles-error').textContent = refused.message;
    }
  } finally {
    if (generation === state.generation) {
      $('profiles').setAttribute('aria-busy', 'false');
    }
  }
}

function render(rows) {
  $('profiles').tBodies[0].replaceChildren(...rows.map(row));
}

function button(text, label, action) {
  const made = element('button', {type: 'button', textContent: text, 'aria-label': label});
  made.addEventListener('click', action);
  return made;
}

function row(profile) {
  const problem = problemSlot('p', 'error');
  const name = element('span', {className: 'name', textContent: profile.Name});
  const actions = element('div', {className: 'buttons'});
  const refuse = refused => {
    problem.textContent = refused.message;
  };
  const archive = profile.Archived ? 'Unarchive' : 'Archive';
  actions.append(
      button('Rename', 'Rename ' + profile.Name, () => rename(profile, name, refuse)),
      button(archive, archive + ' ' + profile.Name,
          () => simpro(state.company).update(profile.ID, {Archived: !profile.Archived}).then(load, refuse)),
      button('Delete', 'Delete ' + profile.Name, () => confirmDelete(actions, profile, refuse)));
  return element('tr', {'data-id': profile.ID},
      element('td', {}, String(profile.ID)),
      element('td', {}, name),
      element('td', {}, profile.Archived ? 'Archived' : 'No'),
      element('td', {}, actions, problem));
}

function rename(profile, name, refuse) {
  const field = element('input', {id: 'rename-' + profile.ID, value: profile.Name, maxLength: 255});
  const form = element('form', {className: 'inline-form'},
      element('label', {htmlFor: field.id, className: 'visually-hidden', textContent: 'New name for ' + profile.Name}),
      field,
      element('button', {textContent: 'Save'}));
  form.append(button('Cancel', 'Cancel renaming ' + profile.Name, () => form.replaceWith(name)));
  form.addEventListener('submit', event => {
    event.preventDefault();
    simpro(state.company).update(profile.ID, {Name: field.value}).then(load, refuse);
  });
  name.replaceWith(form);
  field.select();
}

function confirmDelete(actions, profile, refuse) {
  const question = element('div', {className: 'confirm'}, 'Delete ' + profile.Name + '? ');
  question.append(
      button('Yes, delete', 'Yes, delete ' + profile.Name,
          () => simpro(state.company).remove(profile.ID).then(load, refuse)),
      button('Keep it', 'Keep ' + profile.Name, () => question.replaceWith(actions)));
  actions.replaceWith(question);
  question.querySelector('button').focus();
}

function sortBy(column) {
  state.order = state.order === column ? '-' + column : column;
  for (const header of $('profiles').tHead.rows[0].cells) {
    const key = header.querySelector('button')?.dataset.sort;
    if (key) {
      header.setAttribute('aria-sort', key === column
          ? (state.order.startsWith('-') ? 'descending' : 'ascending') : 'none');
    }
  }
  state.page = 1;
  load();
}

async function create(event) {
  event.preventDefault();
  const field = $('profile-new-name');
  try {
    const created = (await simpro(state.company).create(field.value)).body;
    $('notice').textContent = 'Created ' + created.Name + ' (ID ' + created.ID + ').';
    $('profile-create-error').textContent = '';
    field.value = '';
    load();
  } catch (refused) {
    $('profile-create-error').textContent = refused.message;
  }
}

function filtersChanged() {
  state.search = $('profile-search').value;
  state.archived = $('profile-archived').value;
  state.page = 1;
  load();
}

$('profiles').tHead.addEventListener('click', event => {
  const column = event.target.closest('button')?.dataset.sort;
  if (column) {
    sortBy(column);
  }
});
$('profile-search').addEventListener('input', () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(filtersChanged, 250);
});
$('profile-search').addEventListener('change', filtersChanged);
$('profile-filters').addEventListener('submit', event => {
  event.preventDefault();
  filtersChanged();
});
$('profile-archived').addEventListener('change', filtersChanged);
$('profile-page-size').addEventListener('change', filtersChanged);
$('profile-create').addEventListener('submit', create);
$('profiles-prev').addEventListener('click', () => {
  state.page--;
  load();
});
$('profiles-next').addEventListener('click', () => {
  state.page++;
  load();
});
