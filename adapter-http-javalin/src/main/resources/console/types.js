// Customer types of one company as a tree (the WAI-ARIA tree pattern), through the Sage Intacct dialect. Each level
// is read on demand from the query service (filter parent.key, LEVEL_SIZE rows a page, "show more" for the next), so
// a level of thousands of children, or a company of 100 000 types, costs one page per click.
import {intacct} from './api.js';
import {element, problemSlot} from './dom.js';

export const LEVEL_SIZE = 50;

const $ = id => document.getElementById(id);
const tree = $('types-tree');
const state = {company: null, selected: null, generation: 0};
/** The types shown, by key: {key, name, status, item (the treeitem), loaded (children read so far), total}. */
const nodes = new Map();
/** The top level, a pseudo-node whose children are the tree's roots. */
const top = {key: null, loaded: 0, total: 0};

export function showTypes(company) {
  if (state.company === company && tree.childElementCount > 0) {
    return;
  }
  state.company = company;
  state.generation++;
  nodes.clear();
  select(null);
  tree.replaceChildren();
  top.loaded = 0;
  loadLevel(top, tree).catch(refused => {
    $('types-error').textContent = refused.message;
  });
}

const types = () => intacct(state.company);

/** Reads the next page of a level's children and appends them to its list. */
async function loadLevel(parent, list) {
  const generation = state.generation;
  const answer = await types().query({
    fields: ['key', 'id', 'status'],
    filters: [{$eq: {'parent.key': parent.key}}],
    orderBy: [{id: 'asc'}, {key: 'asc'}],
    start: parent.loaded + 1,
    size: LEVEL_SIZE,
  });
  if (generation !== state.generation) {
    return;
  }
  const rows = answer.body['ia::result'];
  parent.total = answer.body['ia::meta'].totalCount;
  parent.loaded += rows.length;
  list.querySelector(':scope > .more')?.remove();
  const first = parent.loaded - rows.length + 1;
  list.append(...rows.map((row, index) => treeitem(row, parent, first + index)));
  if (parent.loaded < parent.total) {
    list.append(moreItem(parent, list));
  }
  if (parent.item && parent.total === 0) {
    parent.item.removeAttribute('aria-expanded'); // a leaf: nothing to open
    parent.item.classList.add('leaf');
  }
  if (!tree.querySelector('[role=treeitem][tabindex="0"]')) {
    const first = tree.querySelector('[role=treeitem]');
    if (first) {
      first.tabIndex = 0;
    }
  }
}

/**
 * A type's treeitem. aria-setsize and aria-posinset give its place in the whole level, of which only the pages read
 * so far are in the page ("12 of 5000", not "12 of 50").
 */
function treeitem(row, parent, position) {
  const node = {key: row.key, name: row.id, status: row.status, parent, loaded: 0, total: 0};
  nodes.set(node.key, node);
  const label = element('span', {className: 'node', id: 'type-' + node.key},
      element('span', {className: 'toggle', 'aria-hidden': 'true'}),
      element('span', {className: 'name', textContent: node.name}),
      element('span', {className: 'status'}));
  node.item = element('li', {role: 'treeitem', 'aria-expanded': 'false', 'aria-selected': 'false', tabIndex: -1,
    'data-key': node.key, 'aria-labelledby': label.id, 'aria-setsize': parent.total, 'aria-posinset': position},
  label, problemSlot('span', 'error node-error'), element('ul', {role: 'group', hidden: true}));
  showStatus(node);
  return node.item;
}

function showStatus(node) {
  node.item.classList.toggle('inactive', node.status === 'inactive');
  node.item.querySelector('.status').textContent = node.status === 'inactive' ? ' (inactive)' : '';
}

/** The "show more" row of a level: a treeitem of its own, so that the keyboard reaches it like any other. */
function moreItem(parent, list) {
  const rest = parent.total - parent.loaded;
  const item = element('li', {role: 'treeitem', className: 'more', tabIndex: -1,
    textContent: 'Show ' + Math.min(rest, LEVEL_SIZE) + ' more (' + rest + ' not shown)'});
  item.more = () => {
    const previous = item.previousElementSibling;
    const shown = () => focus(previous ? previous.nextElementSibling : list.querySelector('[role=treeitem]'));
    if (parent.item) {
      return guarded(parent, () => loadLevel(parent, list)).then(shown);
    }
    return loadLevel(parent, list).then(shown, refused => {
      $('types-error').textContent = refused.message;
    });
  };
  return item;
}

function nodeOf(item) {
  return item && nodes.get(item.dataset.key);
}

function groupOf(node) {
  return node.item.querySelector(':scope > [role=group]');
}

async function expand(node) {
  if (!node.item.hasAttribute('aria-expanded')) {
    return;
  }
  node.item.setAttribute('aria-expanded', 'true');
  groupOf(node).hidden = false;
  if (node.loaded === 0) {
    await guarded(node, () => loadLevel(node, groupOf(node)));
  }
}

function collapse(node) {
  if (node.item.getAttribute('aria-expanded') === 'true') {
    node.item.setAttribute('aria-expanded', 'false');
    groupOf(node).hidden = true;
  }
}

/** Re-reads a level from its first page, after a change in it (a child created, moved in or out, deleted). */
async function reload(parent) {
  const list = parent.key === null ? tree : groupOf(parent);
  for (const item of list.querySelectorAll('[role=treeitem]')) {
    nodes.delete(item.dataset.key);
  }
  list.replaceChildren();
  parent.loaded = 0;
  if (parent.item) {
    parent.item.setAttribute('aria-expanded', 'true');
    parent.item.classList.remove('leaf');
    list.hidden = false;
  }
  await loadLevel(parent, list);
  if (state.selected && !nodes.has(state.selected.key)) {
    select(null);
  }
}

function visibleItems() {
  return [...tree.querySelectorAll('[role=treeitem]')].filter(item => !item.closest('[role=group][hidden]'));
}

function focus(item) {
  if (!item) {
    return;
  }
  for (const other of tree.querySelectorAll('[role=treeitem][tabindex="0"]')) {
    other.tabIndex = -1;
  }
  item.tabIndex = 0;
  item.focus();
}

function select(node) {
  for (const item of tree.querySelectorAll('[aria-selected=true]')) {
    item.setAttribute('aria-selected', 'false');
  }
  state.selected = node;
  $('type-actions').hidden = !node;
  $('type-delete-confirm').hidden = true;
  if (!node) {
    return;
  }
  node.item.setAttribute('aria-selected', 'true');
  $('type-selected-name').textContent = node.name;
  describeSelected();
}

function describeSelected() {
  const node = state.selected;
  $('type-selected-status').textContent = node.name + ' is ' + node.status + '.';
  $('type-toggle-status').textContent = node.status === 'active' ? 'Deactivate' : 'Activate';
}

/** Runs a change; a refusal is shown beside the node it concerns, in the server's words. */
async function guarded(node, change) {
  const problem = node.item.querySelector(':scope > .node-error');
  problem.textContent = '';
  try {
    await change();
  } catch (refused) {
    problem.textContent = refused.message;
  }
}

function keydown(event) {
  const item = event.target.closest('[role=treeitem]');
  if (!item) {
    return;
  }
  const node = nodeOf(item);
  const items = visibleItems();
  const index = items.indexOf(item);
  switch (event.key) {
    case 'ArrowDown':
      focus(items[index + 1]);
      break;
    case 'ArrowUp':
      focus(items[index - 1]);
      break;
    case 'Home':
      focus(items[0]);
      break;
    case 'End':
      focus(items[items.length - 1]);
      break;
    case 'ArrowRight':
      if (node && node.item.getAttribute('aria-expanded') === 'false') {
        expand(node);
      } else if (node && node.item.getAttribute('aria-expanded') === 'true') {
        focus(groupOf(node).querySelector('[role=treeitem]'));
      }
      break;
    case 'ArrowLeft':
      if (node && node.item.getAttribute('aria-expanded') === 'true') {
        collapse(node);
      } else {
        focus(item.parentElement.closest('[role=treeitem]'));
      }
      break;
    case 'Enter':
    case ' ':
      activate(item);
      break;
    default:
      return;
  }
  event.preventDefault();
}

function activate(item) {
  if (item.more) {
    item.more();
    return;
  }
  select(nodeOf(item));
}

function click(event) {
  const item = event.target.closest('[role=treeitem]');
  if (!item) {
    return;
  }
  focus(item);
  const node = nodeOf(item);
  if (node && event.target.closest('.toggle')) {
    node.item.getAttribute('aria-expanded') === 'true' ? collapse(node) : expand(node);
    return;
  }
  activate(item);
  if (node) {
    expand(node);
  }
}

async function createTop(event) {
  event.preventDefault();
  const field = $('type-new-name');
  try {
    await types().create({id: field.value});
    $('type-create-error').textContent = '';
    field.value = '';
    await reload(top);
  } catch (refused) {
    $('type-create-error').textContent = refused.message;
  }
}

function createUnder(event) {
  event.preventDefault();
  const node = state.selected;
  const field = $('type-child-name');
  guarded(node, async () => {
    await types().create({id: field.value, parent: {key: node.key}});
    field.value = '';
    await reload(node);
  });
}

function move(parentReference) {
  const node = state.selected;
  guarded(node, async () => {
    await types().update(node.key, {parent: parentReference});
    const moved = await types().query({fields: ['parent.key'], filters: [{$eq: {key: node.key}}]});
    const newParentKey = moved.body['ia::result'][0]['parent.key'];
    await reload(node.parent);
    const newParent = newParentKey === null ? top : nodes.get(newParentKey);
    if (newParent && newParent !== node.parent) {
      await reload(newParent);
    }
    const shown = nodes.get(node.key);
    $('notice').textContent = node.name + (newParentKey === null ? ' is now a top-level type.'
        : ' is now under ' + (newParent ? newParent.name : 'type ' + newParentKey) + '.');
    select(shown || null);
    focus(shown?.item);
  });
}

async function suggestParents() {
  const text = $('type-move-search').value;
  if (!text) {
    return;
  }
  try {
    const answer = await types().query({fields: ['id'], filters: [{$contains: {id: text}}],
      filterParameters: {caseSensitiveComparison: false}, orderBy: [{id: 'asc'}], size: 20});
    $('type-move-candidates').replaceChildren(...answer.body['ia::result']
        .map(row => element('option', {value: row.id})));
  } catch {
    // suggestions are a convenience: the move itself reports any refusal
  }
}

function toggleStatus() {
  const node = state.selected;
  const status = node.status === 'active' ? 'inactive' : 'active';
  guarded(node, async () => {
    await types().update(node.key, {status});
    node.status = status;
    showStatus(node);
    describeSelected();
  });
}

function confirmDelete() {
  $('type-delete-question').textContent = 'Delete ' + state.selected.name + '?';
  $('type-delete-confirm').hidden = false;
  $('type-delete-yes').focus();
}

function remove() {
  const node = state.selected;
  $('type-delete-confirm').hidden = true;
  guarded(node, async () => {
    await types().remove(node.key);
    $('notice').textContent = node.name + ' was deleted.';
    select(null);
    await reload(node.parent);
    focus(tree.querySelector('[role=treeitem]'));
  });
}

tree.addEventListener('keydown', keydown);
tree.addEventListener('click', click);
$('type-create').addEventListener('submit', createTop);
$('type-create-child').addEventListener('submit', createUnder);
$('type-move').addEventListener('submit', event => {
  event.preventDefault();
  move({id: $('type-move-search').value});
});
$('type-move-root').addEventListener('click', () => move(null));
$('type-move-search').addEventListener('input', suggestParents);
$('type-toggle-status').addEventListener('click', toggleStatus);
$('type-delete').addEventListener('click', confirmDelete);
$('type-delete-yes').addEventListener('click', remove);
$('type-delete-no').addEventListener('click', () => {
  $('type-delete-confirm').hidden = true;
});
