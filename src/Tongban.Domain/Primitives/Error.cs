using System.Globalization;
using System.Resources;

namespace Tongban.Domain.Primitives;

/// <summary>
/// An expected failure, as a value. <see cref="Code"/> names the rule that failed (stable, used by
/// API clients and tests); <see cref="Message"/> is the localised sentence a person reads.
/// </summary>
public abstract record Error(string Code, IReadOnlyList<object> Args)
{
    private static readonly ResourceManager Messages =
        new("Tongban.Domain.Resources.Messages", typeof(Error).Assembly);

    /// <summary>The form field or property the error is about, when there is one.</summary>
    public string? Field { get; init; }

    public string Message
    {
        get
        {
            var template = Messages.GetString(Code, CultureInfo.CurrentUICulture) ?? Code;
            return Args.Count == 0 ? template : string.Format(CultureInfo.CurrentCulture, template, Args.ToArray());
        }
    }
}

/// <summary>The input breaks a rule (HTTP 422).</summary>
public sealed record Invalid(string Code, params object[] Arguments) : Error(Code, Arguments);

/// <summary>The thing asked for does not exist or is outside the caller's scope (HTTP 404).</summary>
public sealed record NotFound(string Code, params object[] Arguments) : Error(Code, Arguments);

/// <summary>The action clashes with the current state (HTTP 409).</summary>
public sealed record Conflict(string Code, params object[] Arguments) : Error(Code, Arguments);

/// <summary>The caller may not do this (HTTP 403).</summary>
public sealed record Forbidden(string Code, params object[] Arguments) : Error(Code, Arguments);

/// <summary>A query the server cannot read (a malformed date or code): 400, not a rule broken.</summary>
public sealed record BadQuery(string Code, params object[] Arguments) : Error(Code, Arguments);
