using Tongban.Domain.Primitives;
using static Tongban.Domain.Tests.Identifiers.IdentifierAssert;

namespace Tongban.Domain.Tests.Licences;

/// <summary>电子证照标识 (GB/T 36904), its MOD 37,36 check character and the rule each bad part breaks.</summary>
public sealed class LicenceIdentifierTests
{
    private const string TypeCode = "11510900MB1A00036T116";
    private const string Issuer = "11510900MB1A00036T";
    private const string Prefix = "1.2.156.3005.2.";

    // A licence of the demo city's type, as issued; its check character was worked out by hand.
    private const string Issued = "1.2.156.3005.2.11510900MB1A00036T116.11510900MB1A00036T.1.001.U";

    // Long serial and a later version, so that substitutions and swaps reach every kind of part.
    private static readonly string Long = WithCheck($"{Prefix}{TypeCode}.91350100M000100Y43.98765432109876543210.027");

    public static TheoryData<string> RealIdentifiers => new()
    {
        Issued,
        Long,
        WithCheck($"{Prefix}91110000100006194G001.12100000400000624D.7.999"),
        WithCheck($"{Prefix}12100000400000624D230.91440300708461136T.100200300.002"),
    };

    /// <summary>
    /// The check character as docs/licences.md tells it, written here independently of the product:
    /// ISO/IEC 7064 MOD 37,36 over the characters before it with the dots left out.
    /// </summary>
    private static char ReferenceCheck(string body)
    {
        const string characters = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var p = 36;
        foreach (var value in body.Where(c => c != '.').Select(c => characters.IndexOf(c)))
        {
            Assert.True(value >= 0, "only digits and upper-case letters are checked");
            var s = (p + value) % 36;
            if (s == 0)
            {
                s = 36;
            }

            p = 2 * s % 37;
        }

        return characters[(37 - p) % 36];
    }

    private static string WithCheck(string body) => $"{body}.{ReferenceCheck(body)}";

    private static string BodyOf(string identifier) => identifier[..^2];

    [Fact]
    public void ReferenceCheck_OfTheIssuedIdentifier_IsTheOneWorkedOutByHand() => Assert.Equal('U', ReferenceCheck(BodyOf(Issued)));

    [Theory]
    [MemberData(nameof(RealIdentifiers))]
    public void Parse_IdentifiersCheckedByTheReference_Succeed_AndKeepTheirParts(string text)
    {
        var id = Succeeds(LicenceIdentifier.Parse(text));

        Assert.Equal(text, id.Value);
        Assert.Equal(text, id.ToString());
        var parts = text[Prefix.Length..].Split('.');
        Assert.Equal(parts[0], id.Type.Value);
        Assert.Equal(parts[1], id.Issuer.Value);
        Assert.Equal(parts[2], id.Serial);
        Assert.Equal(int.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture), id.Version);
    }

    [Theory]
    [InlineData(1L, 1)]
    [InlineData(42L, 3)]
    [InlineData(long.MaxValue, 999)]
    public void Create_WritesTheReferenceCheckCharacter_AndParsesBackToTheSameIdentifier(long serial, int version)
    {
        var id = Succeeds(LicenceIdentifier.Create(LicenceTypeCode.FromTrusted(TypeCode), Uscc.Parse(Issuer).Value, serial, version));

        var body = $"{Prefix}{TypeCode}.{Issuer}.{serial}.{version:D3}";
        Assert.Equal(WithCheck(body), id.Value);
        Assert.Equal(id, Succeeds(LicenceIdentifier.Parse(id.Value)));
        Assert.Equal(id, LicenceIdentifier.FromTrusted(id.Value));
    }

    [Fact]
    public void Parse_LowerCaseAndSurroundingSpaces_AreNormalised() =>
        Assert.Equal(Issued, Succeeds(LicenceIdentifier.Parse($"  {Issued.ToLowerInvariant()} ")).Value);

    [Fact]
    public void NextVersion_KeepsTypeIssuerAndSerial_TakesTheNextVersion_WithItsOwnCheck()
    {
        var first = LicenceIdentifier.FromTrusted(Issued);

        var next = Succeeds(first.NextVersion());

        Assert.Equal((first.Type, first.Issuer, first.Serial), (next.Type, next.Issuer, next.Serial));
        Assert.Equal(2, next.Version);
        Assert.Equal(WithCheck($"{Prefix}{TypeCode}.{Issuer}.1.002"), next.Value);
        Assert.Equal(3, Succeeds(next.NextVersion()).Version);
    }

    [Fact]
    public void NextVersion_AfterTheLastVersion_FailsWithTheVersionRule()
    {
        var last = LicenceIdentifier.Parse(WithCheck($"{Prefix}{TypeCode}.{Issuer}.5.999")).Value;
        FailsInvalid(last.NextVersion(), "licence-identifier.version");
    }

    [Theory]
    [MemberData(nameof(RealIdentifiers))]
    public void EverySingleCharacterSubstitution_IsRefused_AndWhereThePartsStillReadWell_ByTheCheckRule(string text)
    {
        const string characters = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var byCheck = 0;
        for (var i = Prefix.Length; i < text.Length; i++)
        {
            if (text[i] == '.')
            {
                continue;
            }

            foreach (var other in characters.Where(c => c != text[i]))
            {
                var changed = string.Concat(text.AsSpan(0, i), other.ToString(), text.AsSpan(i + 1));
                var result = LicenceIdentifier.Parse(changed);
                Assert.False(result.IsSuccess, $"{changed} was accepted");
                if (PartsReadWell(changed))
                {
                    Assert.Equal("licence-identifier.check", result.Error.Code);
                    byCheck++;
                }

                if (i < text.Length - 1)
                {
                    Assert.NotEqual(changed[^1], ReferenceCheck(BodyOf(changed)));
                }
            }
        }

        Assert.True(byCheck > 0);
    }

    [Theory]
    [MemberData(nameof(RealIdentifiers))]
    public void EverySwapOfNeighbours_IsRefused_AndWhereThePartsStillReadWell_ByTheCheckRule(string text)
    {
        var positions = Enumerable.Range(Prefix.Length, text.Length - Prefix.Length).Where(i => text[i] != '.').ToList();
        var swaps = 0;
        var byCheck = 0;
        foreach (var (a, b) in positions.Zip(positions.Skip(1)))
        {
            if (text[a] == text[b])
            {
                continue;
            }

            var chars = text.ToCharArray();
            (chars[a], chars[b]) = (chars[b], chars[a]);
            var changed = new string(chars);
            swaps++;
            var result = LicenceIdentifier.Parse(changed);
            Assert.False(result.IsSuccess, $"{changed} was accepted");
            if (PartsReadWell(changed))
            {
                Assert.Equal("licence-identifier.check", result.Error.Code);
                byCheck++;
            }

            Assert.NotEqual(changed[^1], ReferenceCheck(BodyOf(changed)));
        }

        Assert.True(swaps > 20);
        Assert.True(byCheck > 0);
    }

    [Fact]
    public void Parse_WrongCheckCharacter_NamesTheExpectedOne()
    {
        var error = FailsInvalid(LicenceIdentifier.Parse(Issued[..^1] + "V"), "licence-identifier.check");
        Assert.Equal("V", error.Args[0].ToString());
        Assert.Equal("U", error.Args[1].ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_Missing_FailsWithTheRequiredRule(string? input) => FailsInvalid(LicenceIdentifier.Parse(input), "licence-identifier.required");

    [Theory]
    [InlineData("1.2.156.3005.1.11510900MB1A00036T116.11510900MB1A00036T.1.001.U")]
    [InlineData("2.156.3005.2.11510900MB1A00036T116.11510900MB1A00036T.1.001.U")]
    [InlineData("11510900MB1A00036T116.11510900MB1A00036T.1.001.U")]
    [InlineData("1.2.156.3005.2.11510900MB1A00036T116.11510900MB1A00036T.1.001")]
    [InlineData("1.2.156.3005.2.11510900MB1A00036T116.11510900MB1A00036T.1.001.U.U")]
    [InlineData("1.2.156.3005.2.11510900MB1A00036T116.11510900MB1A00036T.1.001.")]
    [InlineData("1.2.156.3005.2.11510900MB1A00036T116.11510900MB1A00036T.1.001.UU")]
    [InlineData("1.2.156.3005.2.11510900MB1A00036T116.11510900MB1A00036T.123456789012345678901.001.U")]
    public void Parse_NotShapedLikeAnIdentifier_FailsWithTheFormatRule(string input) => FailsInvalid(LicenceIdentifier.Parse(input), "licence-identifier.format");

    [Theory]
    [InlineData("11510900MB1A00036T11", "licence-type-code.length")]
    [InlineData("11510900MB1A00036T1166", "licence-type-code.length")]
    [InlineData("11510900MB1A00036T000", "licence-type-code.serial")]
    [InlineData("11510900MB1A00036TA16", "licence-type-code.serial")]
    [InlineData("11510900MB1A00036U116", "uscc.check")]
    public void Parse_BadTypeCode_FailsWithTheTypeCodeRule(string type, string code) =>
        FailsInvalid(LicenceIdentifier.Parse($"{Prefix}{type}.{Issuer}.1.001.U"), code);

    [Theory]
    [InlineData("11510900MB1A00036U", "uscc.check")]
    [InlineData("11510900MB1A00036", "uscc.length")]
    [InlineData("11510900MB1A0O036T", "uscc.charset")]
    public void Parse_BadIssuerUscc_FailsWithTheUsccRule(string issuer, string code) =>
        FailsInvalid(LicenceIdentifier.Parse($"{Prefix}{TypeCode}.{issuer}.1.001.U"), code);

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("01")]
    [InlineData("12A")]
    [InlineData("-1")]
    public void Parse_BadSerial_FailsWithTheSerialRule(string serial) =>
        FailsInvalid(LicenceIdentifier.Parse($"{Prefix}{TypeCode}.{Issuer}.{serial}.001.U"), "licence-identifier.serial");

    [Theory]
    [InlineData("000")]
    [InlineData("1")]
    [InlineData("01")]
    [InlineData("0001")]
    [InlineData("1000")]
    [InlineData("0A1")]
    public void Parse_BadVersion_FailsWithTheVersionRule(string version) =>
        FailsInvalid(LicenceIdentifier.Parse($"{Prefix}{TypeCode}.{Issuer}.1.{version}.U"), "licence-identifier.version");

    [Theory]
    [InlineData(0L, 1, "licence-identifier.serial")]
    [InlineData(-5L, 1, "licence-identifier.serial")]
    [InlineData(1L, 0, "licence-identifier.version")]
    [InlineData(1L, 1000, "licence-identifier.version")]
    public void Create_BadSerialOrVersion_FailsWithItsRule(long serial, int version, string code) =>
        FailsInvalid(LicenceIdentifier.Create(LicenceTypeCode.FromTrusted(TypeCode), Uscc.Parse(Issuer).Value, serial, version), code);

    [Fact]
    public void FromTrusted_OfABadValue_Throws() => Assert.Throws<FormatException>(() => LicenceIdentifier.FromTrusted(Issued[..^1] + "V"));

    /// <summary>Every part but the check character is well formed, so only the check rule can refuse it.</summary>
    private static bool PartsReadWell(string text)
    {
        var parts = text[Prefix.Length..].Split('.');
        return parts.Length == 5
            && LicenceTypeCode.Parse(parts[0]).IsSuccess
            && Uscc.Parse(parts[1]).IsSuccess
            && parts[2].Length is >= 1 and <= 20 && parts[2].All(char.IsAsciiDigit) && parts[2][0] != '0'
            && parts[3].Length == 3 && parts[3].All(char.IsAsciiDigit) && parts[3] != "000";
    }
}
