package io.parley.widget;

import java.util.Map;

/**
 * A visitor's first message of a conversation, with what they and the host page said
 * about them.
 *
 * @param fields the pre-chat form's answers, or {@code null}
 * @param attributes the contact's attributes from the host page
 * ({@code Parley('setAttributes')}), or {@code null}
 * @param conversationAttributes the conversation's ({@code setConversationAttributes}),
 * or {@code null}
 */
public record FirstMessage(String content, String clientMessageId, Fields fields, Map<String, Object> attributes,
		Map<String, Object> conversationAttributes, PageContext context) {

	/**
	 * The pre-chat form's answers; {@code custom} holds the workspace's own fields by
	 * key.
	 */
	public record Fields(String name, String email, String phone, Map<String, String> custom) {

		public static final Fields NONE = new Fields(null, null, null, Map.of());

	}

}
