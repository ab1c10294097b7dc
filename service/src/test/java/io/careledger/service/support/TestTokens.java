package io.careledger.service.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * An identity provider for tests: an RSA key pair generated once per test JVM, whose public half (as PEM) the
 * service is configured to trust, and tokens signed with it (or, to be refused, with another key or issuer).
 */
public final class TestTokens implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    public static final String ISSUER = "https://identity.test/realms/careledger";
    private static final KeyPair KEYS = generate();
    private static final KeyPair STRANGER = generate();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Path pem = publicKeyFile();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-tokens", Map.of(
                "careledger.security.jwt.enabled", "true",
                "careledger.security.jwt.issuer", ISSUER,
                "careledger.security.jwt.public-key-location", pem.toUri().toString(),
                // Read by the production profile; unused, since the key above is configured.
                "careledger.security.jwt.jwk-set-uri", "http://identity.test/unused/certs")));
    }

    /** A valid token for an hour: {@code sub}, {@code roles} and any further claims (stores, region). */
    public static String token(String subject, List<String> roles, Map<String, Object> claims) {
        return sign(KEYS, ISSUER, subject, roles, claims, Instant.now().plusSeconds(3600));
    }

    public static String expired(String subject, List<String> roles) {
        return sign(KEYS, ISSUER, subject, roles, Map.of(), Instant.now().minusSeconds(600));
    }

    public static String signedByAnotherKey(String subject, List<String> roles) {
        return sign(STRANGER, ISSUER, subject, roles, Map.of(), Instant.now().plusSeconds(3600));
    }

    public static String fromAnotherIssuer(String subject, List<String> roles) {
        return sign(KEYS, "https://elsewhere.test/", subject, roles, Map.of(), Instant.now().plusSeconds(3600));
    }

    private static String sign(KeyPair keys, String issuer, String subject, List<String> roles, Map<String, Object> claims,
                               Instant expiresAt) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer).subject(subject)
                .issueTime(Date.from(expiresAt.minusSeconds(3600))).expirationTime(Date.from(expiresAt))
                .claim("roles", roles);
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), builder.build());
        try {
            jwt.sign(new RSASSASigner(keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static synchronized Path publicKeyFile() {
        try {
            Path dir = Files.createDirectories(Path.of("target", "it-data", "jwt"));
            Path pem = dir.resolve("public-" + ProcessHandle.current().pid() + ".pem");
            String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded());
            Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
            return pem.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
