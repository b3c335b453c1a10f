using System.Globalization;
using Tongban.Domain.Primitives;

namespace Tongban.Domain.Tests.Identifiers;

/// <summary>Failure assertions that also prove the rule's message resolves to Chinese text.</summary>
internal static class IdentifierAssert
{
    public static Error Fails<T>(Result<T> result, string code)
    {
        Assert.False(result.IsSuccess, $"Expected failure '{code}' but parsing succeeded.");
        Assert.Equal(code, result.Error.Code);
        AssertChineseMessage(result.Error);
        return result.Error;
    }

    public static Error FailsInvalid<T>(Result<T> result, string code)
    {
        var error = Fails(result, code);
        Assert.IsType<Invalid>(error);
        return error;
    }

    public static T Succeeds<T>(Result<T> result)
    {
        Assert.True(result.IsSuccess, result.IsSuccess ? "" : $"Expected success, got {result.Error.Code}.");
        return result.Value;
    }

    public static void AssertChineseMessage(Error error)
    {
        var message = MessageIn("zh-CN", error);
        Assert.NotEqual(error.Code, message);
        Assert.Contains(message, IsChinese);
        Assert.DoesNotContain("{", message, StringComparison.Ordinal);
    }

    public static bool IsChinese(char c) => c is >= '\u4e00' and <= '\u9fff';

    private static string MessageIn(string culture, Error error)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            return error.Message;
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }
}

/// <summary>Builds valid identifiers with the production check helpers, for tests that vary one part.</summary>
internal static class TestIds
{
    public static readonly DateOnly Today = new(2025, 6, 1);

    public static string IdNumber(string area, string birthDate, string sequence)
    {
        var first17 = area + birthDate + sequence;
        return first17 + Primitives.IdNumber.ComputeCheck(first17);
    }

    /// <summary>Department, category, region and organisation-code body; both check characters computed.</summary>
    public static string Uscc(string departmentAndCategory, string region, string organisationBody)
    {
        var first16 = departmentAndCategory + region + organisationBody;
        var first17 = first16 + Primitives.Uscc.ComputeOrganisationCodeCheck(organisationBody);
        return first17 + Primitives.Uscc.ComputeCheck(first17);
    }
}
