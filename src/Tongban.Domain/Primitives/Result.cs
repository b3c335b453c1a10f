using System.Diagnostics.CodeAnalysis;

namespace Tongban.Domain.Primitives;

/// <summary>Either a value or an <see cref="Error"/>; expected failures never throw.</summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T value)
    {
        _value = value;
        Error = null;
    }

    private Result(Error error)
    {
        _value = default;
        Error = error;
    }

    public Error? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"Result holds an error: {Error.Code}");

    public static Result<T> Success(T value) => new(value);

    public static Result<T> Failure(Error error) => new(error);

    public static implicit operator Result<T>(T value) => new(value);

    public static implicit operator Result<T>(Error error) => new(error);

    public Result<TOut> Map<TOut>(Func<T, TOut> map) => IsSuccess ? map(Value) : Error;

    public bool TryGet([MaybeNullWhen(false)] out T value, [MaybeNullWhen(true)] out Error error)
    {
        value = _value;
        error = Error;
        return IsSuccess;
    }
}

/// <summary>The outcome of a command with no value to return.</summary>
public readonly struct Result
{
    private Result(Error? error) => Error = error;

    public Error? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static Result Success { get; }

    public static implicit operator Result(Error error) => new(error);
}
