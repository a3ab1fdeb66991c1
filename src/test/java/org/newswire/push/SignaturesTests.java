package org.newswire.push;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignaturesTests {

	private static final String BODY = "{\"position\":\"42\",\"change\":\"writethru\",\"headline\":\"Zürich – ok\"}";

	@Test
	void theReferenceLibraryAcceptsTheSignatureUnderEveryLiveSecret() throws Exception {
		String newer = Signatures.newSecret();
		String older = Signatures.newSecret();
		long timestamp = Instant.now().getEpochSecond();
		String header = Signatures.header("nw_42_7", timestamp, BODY.getBytes(StandardCharsets.UTF_8),
				List.of(newer, older));
		assertThat(header.split(" ")).hasSize(2).allMatch((signature) -> signature.startsWith("v1,"));
		Map<String, List<String>> headers = Map.of("webhook-id", List.of("nw_42_7"), "webhook-timestamp",
				List.of(Long.toString(timestamp)), "webhook-signature", List.of(header));
		assertThatNoException().isThrownBy(() -> new Webhook(newer).verify(BODY, headers));
		assertThatNoException().isThrownBy(() -> new Webhook(older).verify(BODY, headers));
		assertThatThrownBy(() -> new Webhook(Signatures.newSecret()).verify(BODY, headers))
			.isInstanceOf(WebhookVerificationException.class);
		assertThatThrownBy(() -> new Webhook(newer).verify(BODY + " ", headers))
			.isInstanceOf(WebhookVerificationException.class);
	}

	@Test
	void aSecretIsThirtyTwoRandomBytesBehindThePrefix() {
		String secret = Signatures.newSecret();
		assertThat(secret).startsWith("whsec_").hasSize(6 + 44).isNotEqualTo(Signatures.newSecret());
	}

}
