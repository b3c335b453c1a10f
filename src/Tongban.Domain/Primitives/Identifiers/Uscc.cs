namespace Tongban.Domain.Primitives;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): registration department, category, 6-digit region, the embedded
/// 9-character GB 11714 organisation code, check character. Codes are public, so there is no mask.
/// <c>default(Uscc)</c> is not a valid code; obtain one from <see cref="Parse"/>.
/// </summary>
public readonly record struct Uscc
{
    public const int Length = 18;

    /// <summary>The 31 characters of GB 32100, in value order 0..30 (no I O S V Z: they look like digits).</summary>
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private sealed record Department(string Name, IReadOnlyDictionary<char, string> Categories);

    /// <summary>登记管理部门 and the 机构类别 each may register (GB 32100 appendix A).</summary>
    private static readonly Dictionary<char, Department> Departments = new()
    {
        ['1'] = new("机构编制", new Dictionary<char, string> { ['1'] = "机关", ['2'] = "事业单位", ['3'] = "中央编办直接管理机构编制的群众团体", ['9'] = "其他" }),
        ['2'] = new("外交", new Dictionary<char, string> { ['1'] = "外国常驻新闻机构", ['9'] = "其他" }),
        ['3'] = new("司法行政", new Dictionary<char, string> { ['1'] = "律师执业机构", ['2'] = "公证处", ['3'] = "基层法律服务所", ['4'] = "司法鉴定机构", ['5'] = "仲裁委员会", ['9'] = "其他" }),
        ['4'] = new("文化", new Dictionary<char, string> { ['1'] = "外国在华文化中心", ['9'] = "其他" }),
        ['5'] = new("民政", new Dictionary<char, string> { ['1'] = "社会团体", ['2'] = "民办非企业单位", ['3'] = "基金会", ['9'] = "其他" }),
        ['6'] = new("旅游", new Dictionary<char, string> { ['1'] = "外国旅游部门常驻代表机构", ['2'] = "港澳台地区旅游部门常驻内地（大陆）代表机构" }),
        ['7'] = new("宗教", new Dictionary<char, string> { ['1'] = "宗教活动场所", ['2'] = "宗教院校", ['9'] = "其他" }),
        ['8'] = new("工会", new Dictionary<char, string> { ['1'] = "基层工会", ['9'] = "其他" }),
        ['9'] = new("工商", new Dictionary<char, string> { ['1'] = "企业", ['2'] = "个体工商户", ['3'] = "农民专业合作社" }),
        ['A'] = new("中央军委改革和编制办公室", new Dictionary<char, string> { ['1'] = "军队事业单位", ['9'] = "其他" }),
        ['N'] = new("农业", new Dictionary<char, string> { ['1'] = "组级集体经济组织", ['2'] = "村级集体经济组织", ['3'] = "乡镇级集体经济组织", ['9'] = "其他" }),
        ['Y'] = new("其他", new Dictionary<char, string> { ['1'] = "其他" }),
    };

    private Uscc(string value) => Value = value;

    /// <summary>The canonical 18 characters, upper-case.</summary>
    public string Value { get; }

    public char RegistrationDepartment => Value[0];

    public string RegistrationDepartmentName => Departments[RegistrationDepartment].Name;

    public char Category => Value[1];

    public string CategoryName => Departments[RegistrationDepartment].Categories[Category];

    /// <summary>登记管理机关行政区划码 (6 digits). Not a <see cref="Primitives.RegionCode"/>: national bodies use 100000.</summary>
    public string RegionCode => Value.Substring(2, 6);

    /// <summary>The GB 11714 organisation code: 8 body characters and its own check character.</summary>
    public string OrganisationCode => Value.Substring(8, 9);

    /// <summary>
    /// Rebuilds a value the platform stored or issued itself (database rows, claims). It is checked
    /// again; failure means corrupted data, so it throws rather than returning an error.
    /// </summary>
    public static Uscc FromTrusted(string value) =>
        Parse(value) is { IsSuccess: true } parsed
            ? parsed.Value
            : throw new FormatException($"Stored Uscc is not valid: {Masking.MaskIdNumber(value)}");

    public static Result<Uscc> Parse(string? input)
    {
        if (IdentifierText.Normalise(input) is not { } text)
        {
            return new Invalid("uscc.required");
        }

        if (text.Length != Length)
        {
            return new Invalid("uscc.length", text.Length);
        }

        var badIndex = text.AsSpan().IndexOfAnyExcept(Alphabet);
        if (badIndex >= 0)
        {
            return new Invalid("uscc.charset", text[badIndex]);
        }

        if (!Departments.TryGetValue(text[0], out var department))
        {
            return new Invalid("uscc.department", text[0]);
        }

        if (!department.Categories.ContainsKey(text[1]))
        {
            return new Invalid("uscc.category", text[0], text[1]);
        }

        if (!IdentifierText.IsDigits(text.AsSpan(2, 6)))
        {
            return new Invalid("uscc.region", text.Substring(2, 6));
        }

        var organisationCheck = ComputeOrganisationCodeCheck(text.AsSpan(8, 8));
        if (text[16] != organisationCheck)
        {
            return new Invalid("uscc.organisation-code-check", organisationCheck);
        }

        var check = ComputeCheck(text.AsSpan(0, 17));
        if (text[17] != check)
        {
            return new Invalid("uscc.check", check);
        }

        return new Uscc(text);
    }

    /// <summary>GB 32100 check character: C = 31 − (Σ vᵢ·wᵢ mod 31), where C = 31 is written '0'.</summary>
    /// <exception cref="ArgumentException">The input is not 17 characters of the GB 32100 alphabet.</exception>
    public static char ComputeCheck(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17 || first17.IndexOfAnyExcept(Alphabet) >= 0)
        {
            throw new ArgumentException("Expected 17 characters from the GB 32100 alphabet.", nameof(first17));
        }

        var sum = Checksum.WeightedSum(first17, Weights, static c => Alphabet.IndexOf(c, StringComparison.Ordinal));
        // The outer mod 31 turns C = 31 into value 0; indexing with 31 − (sum mod 31) alone would overrun.
        return Alphabet[(31 - (sum % 31)) % 31];
    }

    /// <summary>GB 11714 check character: C = 11 − (Σ vᵢ·wᵢ mod 11), 10 written 'X' and 11 written '0'.</summary>
    /// <exception cref="ArgumentException">The input is not 8 characters from 0-9 and A-Z.</exception>
    public static char ComputeOrganisationCodeCheck(ReadOnlySpan<char> first8)
    {
        if (first8.Length != 8 || first8.ContainsAnyExcept(OrganisationCodeAlphabet))
        {
            throw new ArgumentException("Expected 8 characters from 0-9 and A-Z.", nameof(first8));
        }

        // GB 11714 values: digits are themselves, letters A..Z are 10..35.
        var sum = Checksum.WeightedSum(first8, OrganisationCodeWeights, static c => char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10);
        return (11 - (sum % 11)) switch
        {
            10 => 'X',
            11 => '0',
            var c => (char)('0' + c),
        };
    }

    public override string ToString() => Value;

    private const string OrganisationCodeAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static ReadOnlySpan<int> Weights => [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private static ReadOnlySpan<int> OrganisationCodeWeights => [3, 7, 9, 10, 5, 8, 4, 2];
}
