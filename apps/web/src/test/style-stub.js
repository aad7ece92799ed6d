// Jest does not load stylesheets: every `import './x.css'` resolves to this empty module.
module.exports = {};
