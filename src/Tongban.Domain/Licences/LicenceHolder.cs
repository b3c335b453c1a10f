using Tongban.Domain.Primitives;

namespace Tongban.Domain.Licences;

/// <summary>持证主体代码类型 (GB/T 36904): 111 公民身份号码, 001 统一社会信用代码.</summary>
public enum HolderCodeType
{
    IdNumber,
    Uscc,
}

/// <summary>持证主体: who holds a licence, by the code of their kind, and the name printed on it.</summary>
public sealed record LicenceHolder(HolderCodeType CodeType, string Code, string Name)
{
    public const int MaxNameLength = 100;

    /// <summary>The standard's three-digit code of the holder code type.</summary>
    public string CodeTypeNumber => CodeType switch
    {
        HolderCodeType.IdNumber => "111",
        HolderCodeType.Uscc => "001",
    };

    /// <summary>What a verifier is shown: a person's name and number masked; an enterprise's name and USCC are public registration data.</summary>
    public string PublicName => CodeType == HolderCodeType.IdNumber ? Masking.MaskName(Name) : Name;

    public string PublicCode => CodeType == HolderCodeType.IdNumber ? Masking.MaskIdNumber(Code) : Code;

    public static LicenceHolder Person(IdNumber idNumber, string name) => new(HolderCodeType.IdNumber, idNumber.Value, name.Trim());

    public static LicenceHolder Enterprise(Uscc uscc, string name) => new(HolderCodeType.Uscc, uscc.Value, name.Trim());

    /// <summary>Parses a holder given as its code type number ("111"/"001", or empty to tell by the code) and code.</summary>
    public static Result<LicenceHolder> Parse(string? codeType, string? code, string? name, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
        {
            return new Invalid("licences.holder-name-required") { Field = "holderName" };
        }

        var type = codeType?.Trim() switch
        {
            "111" => HolderCodeType.IdNumber,
            "001" => HolderCodeType.Uscc,
            null or "" => code?.Trim().Length == Uscc.Length && !IdNumber.Parse(code, today).IsSuccess ? HolderCodeType.Uscc : HolderCodeType.IdNumber,
            _ => (HolderCodeType?)null,
        };
        if (type is null)
        {
            return new Invalid("licences.holder-code-type", codeType ?? "") { Field = "holderCodeType" };
        }

        if (type == HolderCodeType.IdNumber)
        {
            return IdNumber.Parse(code, today).TryGet(out var id, out var error) ? Person(id, name) : error with { Field = "holderCode" };
        }

        return Uscc.Parse(code).TryGet(out var uscc, out var usccError) ? Enterprise(uscc, name) : usccError with { Field = "holderCode" };
    }
}
