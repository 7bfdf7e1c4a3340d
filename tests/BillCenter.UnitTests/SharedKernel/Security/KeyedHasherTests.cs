using BillCenter.SharedKernel.Cards;
using BillCenter.SharedKernel.Security;
using BillCenter.SharedKernel.Tests.Cards;
using CsCheck;
using Microsoft.Extensions.Options;

namespace BillCenter.SharedKernel.Tests.Security;

public class KeyedHasherTests
{
    private static readonly string KeyA = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly string KeyB = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());

    private static KeyedHasher Hasher(string key) => new(Options.Create(new SecurityOptions { HashKey = key }));

    private static CardId CardIdOf(string digits)
    {
        Assert.True(CardId.TryParse(digits, out var cardId));
        return cardId;
    }

    [Fact]
    public void Given_the_same_key_and_card_Then_the_fingerprint_is_the_same_every_time() =>
        CardGen.ValidDigits.Sample(digits =>
        {
            var card = CardGen.Parse(digits);
            var spaced = CardGen.Parse($"{digits[..4]} {digits[4..10]} {digits[10..]}");

            Assert.Equal(Hasher(KeyA).Fingerprint(card), Hasher(KeyA).Fingerprint(spaced));
        });

    /// <summary>
    /// Known-answer vectors computed outside .NET, on the framing "&lt;purpose&gt;\n&lt;value&gt;" with KeyA (bytes 1..32):
    ///   printf 'card-number\n378282246310005' | openssl dgst -sha256 -mac HMAC -macopt hexkey:0102...1f20
    ///   printf 'card-id\n&lt;that fingerprint&gt;:4821' | openssl dgst -sha256 -mac HMAC -macopt hexkey:0102...1f20
    /// </summary>
    [Fact]
    public void Given_a_fixed_key_and_card_Then_the_fingerprint_and_verifier_match_values_computed_independently()
    {
        var hasher = Hasher(KeyA);

        var fingerprint = hasher.Fingerprint(CardGen.Parse("378282246310005"));
        var verifier = hasher.CardIdVerifier(fingerprint, CardIdOf("4821"));

        Assert.Equal("df9d44f4fa29fe4ed339d61bc878f1803332111540f54cfde9947cfe61f9f641", fingerprint);
        Assert.Equal("05cbd2b5beb276f3c0dce67e6c25c0d90824c607fb70153e3626209114f37235", verifier);
    }

    [Fact]
    public void Given_a_fingerprint_Then_it_is_64_lower_case_hex_characters()
    {
        var fingerprint = Hasher(KeyA).Fingerprint(CardGen.Parse("378282246310005"));

        Assert.Matches("^[0-9a-f]{64}$", fingerprint);
    }

    [Fact]
    public void Given_two_different_keys_Then_the_same_card_gets_different_fingerprints() =>
        CardGen.ValidDigits.Sample(digits =>
        {
            var card = CardGen.Parse(digits);
            Assert.NotEqual(Hasher(KeyA).Fingerprint(card), Hasher(KeyB).Fingerprint(card));
        });

    [Fact]
    public void Given_two_different_cards_Then_their_fingerprints_differ() =>
        Gen.Select(CardGen.ValidDigits, CardGen.ValidDigits).Where((a, b) => a != b).Sample((a, b) =>
        {
            var hasher = Hasher(KeyA);
            Assert.NotEqual(hasher.Fingerprint(CardGen.Parse(a)), hasher.Fingerprint(CardGen.Parse(b)));
        });

    [Fact]
    public void Given_any_card_Then_neither_the_fingerprint_nor_the_verifier_contains_the_card_digits() =>
        Gen.Select(CardGen.ValidDigits, Gen.Char['0', '9'].Array[4]).Sample((digits, cardIdChars) =>
        {
            var hasher = Hasher(KeyA);
            var cardIdDigits = new string(cardIdChars);
            var fingerprint = hasher.Fingerprint(CardGen.Parse(digits));
            var verifier = hasher.CardIdVerifier(fingerprint, CardIdOf(cardIdDigits));

            foreach (var output in new[] { fingerprint, verifier })
            {
                Assert.DoesNotContain(digits, output, StringComparison.Ordinal);
                Assert.DoesNotContain(digits[..11], output, StringComparison.Ordinal);
            }
        });

    [Fact]
    public void Given_a_card_id_verifier_Then_it_depends_on_both_the_card_fingerprint_and_the_card_id()
    {
        var hasher = Hasher(KeyA);
        var card1 = hasher.Fingerprint(CardGen.Parse("378282246310005"));
        var card2 = hasher.Fingerprint(CardGen.Parse("371449635398431"));

        var verifier = hasher.CardIdVerifier(card1, CardIdOf("1234"));

        Assert.Equal(verifier, hasher.CardIdVerifier(card1, CardIdOf("1234")));
        Assert.NotEqual(verifier, hasher.CardIdVerifier(card1, CardIdOf("1235")));
        Assert.NotEqual(verifier, hasher.CardIdVerifier(card2, CardIdOf("1234")));
        Assert.NotEqual(verifier, Hasher(KeyB).CardIdVerifier(card1, CardIdOf("1234")));
    }

    [Fact]
    public void Given_the_same_value_for_two_purposes_Then_the_hashes_differ()
    {
        var hasher = Hasher(KeyA);

        Assert.NotEqual(hasher.Hash("card-number", "378282246310005"), hasher.Hash("billing-address", "378282246310005"));
        Assert.Equal(hasher.Hash("billing-address", "12 MAIN ST"), hasher.Hash("billing-address", "12 MAIN ST"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(31)]
    public void Given_a_key_shorter_than_32_bytes_Then_construction_is_refused(int length)
    {
        var key = Convert.ToBase64String(new byte[length]);

        var error = Assert.Throws<InvalidOperationException>(() => Hasher(key));
        Assert.Contains("at least 32 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_key_of_exactly_32_bytes_or_the_development_key_Then_construction_succeeds()
    {
        Assert.NotNull(Hasher(Convert.ToBase64String(new byte[32])));
        Assert.NotNull(Hasher(SecurityOptions.DevelopmentHashKey));
    }

    [Fact]
    public void Given_a_key_that_is_not_base64_Then_construction_is_refused() =>
        Assert.Throws<FormatException>(() => Hasher("not base64!"));

    [Fact]
    public void Given_no_options_Then_construction_is_refused() =>
        Assert.Throws<ArgumentNullException>(() => new KeyedHasher(null!));

    [Theory]
    [InlineData("abc123", "abc123", true)]
    [InlineData("abc123", "abc124", false)]
    [InlineData("abc123", "abc1234", false)]
    [InlineData("", "", true)]
    [InlineData(null, "abc", false)]
    [InlineData("abc", null, false)]
    [InlineData(null, null, false)]
    public void Given_two_hashes_Then_AreEqual_is_true_only_when_both_are_present_and_identical(string? a, string? b, bool expected) =>
        Assert.Equal(expected, KeyedHasher.AreEqual(a, b));
}
