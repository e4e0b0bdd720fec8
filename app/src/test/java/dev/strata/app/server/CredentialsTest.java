package dev.strata.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {
  static final String FILE =
      "{\"accessKeys\":[{\"accessKeyId\":\"AKIAALICE0000001\",\"secretAccessKey\":\"s3cret-alice\","
          + "\"accountId\":\"111111111111\"}],"
          + "\"apiKeys\":[{\"name\":\"bob-ci\",\"apiKey\":\"ABSKbobkey\",\"accountId\":\"222222222222\"},"
          + "{\"apiKey\":\"ABSKunnamed\",\"accountId\":\"222222222222\"}]}";

  @Test
  void aFileMapsAccessKeysAndApiKeysToAccounts(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("credentials.json"), FILE);

    Credentials credentials = Credentials.read(file);

    Credentials.AccessKey alice = credentials.accessKey("AKIAALICE0000001").orElseThrow();
    assertEquals("111111111111", alice.account().toString());
    assertEquals("s3cret-alice", alice.secretAccessKey());
    Credentials.ApiKey bob = credentials.apiKey("ABSKbobkey").orElseThrow();
    assertEquals("bob-ci", bob.name());
    assertEquals("222222222222", bob.account().toString());
    assertEquals("api-key-2", credentials.apiKey("ABSKunnamed").orElseThrow().name());
  }

  @Test
  void aKeyMarkedAdminIsAnAdminsAndNoOtherKeyIs() {
    Credentials credentials =
        Credentials.parse(
            "{\"accessKeys\":[{\"accessKeyId\":\"AKIAADMIN0000001\",\"secretAccessKey\":\"s\","
                + "\"accountId\":\"111111111111\",\"admin\":true}],"
                + "\"apiKeys\":[{\"apiKey\":\"ABSKplain\",\"accountId\":\"111111111111\",\"admin\":false}]}",
            "test");

    assertTrue(credentials.accessKey("AKIAADMIN0000001").orElseThrow().admin());
    assertFalse(credentials.apiKey("ABSKplain").orElseThrow().admin());
    assertFalse(Credentials.parse(FILE, "test").accessKey("AKIAALICE0000001").orElseThrow().admin());
    IllegalArgumentException notBoolean =
        assertThrows(
            IllegalArgumentException.class,
            () -> Credentials.parse("{\"apiKeys\":[{\"apiKey\":\"k\",\"accountId\":\"111111111111\",\"admin\":\"yes\"}]}", "test"));
    assertEquals("credentials: test: $.apiKeys[0].admin must be true or false", notBoolean.getMessage());
  }

  @Test
  void unknownKeysAreNotFound() {
    Credentials credentials = Credentials.parse(FILE, "test");

    assertTrue(credentials.accessKey("AKIAUNKNOWN00000").isEmpty());
    assertTrue(credentials.apiKey("ABSKbobke").isEmpty());
    assertTrue(credentials.apiKey("ABSKbobkey ").isEmpty());
    assertTrue(credentials.apiKey("").isEmpty());
  }

  @Test
  void noSecretAppearsInTheTextOfCredentialsOrTheirKeys() {
    Credentials credentials = Credentials.parse(FILE, "test");

    String text =
        credentials + " " + credentials.accessKey("AKIAALICE0000001").orElseThrow() + " "
            + credentials.apiKey("ABSKbobkey").orElseThrow();

    assertFalse(text.contains("s3cret-alice"), text);
    assertFalse(text.contains("ABSKbobkey"), text);
    assertTrue(text.contains("AKIAALICE0000001"), text);
  }

  @Test
  void aMalformedFileIsRefusedNamingTheMemberAndNeverTheSecret() {
    assertMessage(
        "credentials: test: $.accessKeys[0].accountId must be twelve digits, not '1234'",
        "{\"accessKeys\":[{\"accessKeyId\":\"AKIA1\",\"secretAccessKey\":\"topsecret\",\"accountId\":\"1234\"}]}");
    assertMessage(
        "credentials: test: $.accessKeys[0].secretAccessKey must be a non-empty string",
        "{\"accessKeys\":[{\"accessKeyId\":\"AKIA1\",\"accountId\":\"111111111111\"}]}");
    assertMessage(
        "credentials: test: $.accessKeys[0].accessKeyId must be 1 to 128 of [A-Za-z0-9_+.-]",
        "{\"accessKeys\":[{\"accessKeyId\":\"AK/IA\",\"secretAccessKey\":\"x\",\"accountId\":\"111111111111\"}]}");
    assertMessage(
        "credentials: test: $.apiKeys[1].apiKey repeats the API key named first",
        "{\"apiKeys\":[{\"name\":\"first\",\"apiKey\":\"topsecret\",\"accountId\":\"111111111111\"},"
            + "{\"apiKey\":\"topsecret\",\"accountId\":\"222222222222\"}]}");
    assertMessage(
        "credentials: test: $.accessKeys[1].accessKeyId repeats access key AKIA1",
        "{\"accessKeys\":[{\"accessKeyId\":\"AKIA1\",\"secretAccessKey\":\"a\",\"accountId\":\"111111111111\"},"
            + "{\"accessKeyId\":\"AKIA1\",\"secretAccessKey\":\"b\",\"accountId\":\"111111111111\"}]}");
    assertMessage(
        "credentials: test: $.users is not a known member (accessKeys, apiKeys)", "{\"users\":[]}");
    assertMessage(
        "credentials: test: $.apiKeys[0].secret is not a known member [accountId, admin, apiKey, name]",
        "{\"apiKeys\":[{\"secret\":\"topsecret\"}]}");
    assertMessage("credentials: test is not valid JSON (line 1, column 2)", "{");
  }

  private static void assertMessage(String expected, String json) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Credentials.parse(json, "test"));
    assertEquals(expected, e.getMessage());
    assertFalse(e.getMessage().contains("topsecret"));
  }
}
