// Layer violation: this layer may not import that package. Each layer's tsconfig.json maps the packages
// it must not use (the engine: any `vscode*`; the language service: the server runtime
// `vscode-languageserver/*` and `vscode`) to this file, which is deliberately not a module, so such an
// import fails `npm run build` with error TS2306 naming this file. See docs/maintainers.md, "Layers".
declare const layerViolation: unique symbol;
