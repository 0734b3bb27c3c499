// The redirect bridge msal-browser v5 requires: it hands the authorization response to the
// window (or hidden frame) that started the sign-in, and does nothing else.
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

void broadcastResponseToMainFrame();
