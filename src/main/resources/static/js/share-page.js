// A share link's page: the saved answers rendered as on the chat page (the same message view, thinking panel and
// sanitising Markdown renderer), and nothing that talks to the API.

import { AssistantMessage } from './message-view.js';

for (const article of document.querySelectorAll('#messages .message--assistant')) {
	new AssistantMessage(article).renderSaved();
}
