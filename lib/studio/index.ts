// The module studio (`npx hotmart-make studio`): the app as a Make user sees it, in a browser.
export { startStudio, type Studio, type StudioOptions } from './server';
