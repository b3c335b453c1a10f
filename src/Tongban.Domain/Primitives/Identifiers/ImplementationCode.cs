namespace Tongban.Domain.Primitives;

/// <summary>行使层级: the level of government that exercises the item. Values are the code digits.</summary>
public enum ExerciseLevel
{
    National = 1,
    Provincial = 2,
    Municipal = 3,
    County = 4,
    Township = 5,
    Village = 6,
}

/// <summary>
/// 事项实施编码 (GB/T 39554.1), 31 characters: implementing body's <see cref="Uscc"/> (18) +
/// <see cref="Primitives.ExerciseLevel"/> (1 digit) + <see cref="BasicItemCode"/> (12).
/// <c>default(ImplementationCode)</c> is not valid; obtain one from <see cref="Parse"/> or <see cref="Create"/>.
/// </summary>
public readonly record struct ImplementationCode
{
    public const int Length = Uscc.Length + 1 + BasicItemCode.Length;

    private ImplementationCode(Uscc implementingBody, ExerciseLevel exerciseLevel, BasicItemCode basicCode)
    {
        ImplementingBody = implementingBody;
        ExerciseLevel = exerciseLevel;
        BasicCode = basicCode;
        Value = $"{implementingBody.Value}{(int)exerciseLevel}{basicCode.Value}";
    }

    public string Value { get; }

    public Uscc ImplementingBody { get; }

    public ExerciseLevel ExerciseLevel { get; }

    public string ExerciseLevelName => ExerciseLevel switch
    {
        ExerciseLevel.National => "国家级",
        ExerciseLevel.Provincial => "省级",
        ExerciseLevel.Municipal => "市级",
        ExerciseLevel.County => "县级",
        ExerciseLevel.Township => "乡级",
        ExerciseLevel.Village => "村级",
        _ => throw new InvalidOperationException($"Undefined exercise level {(int)ExerciseLevel}."),
    };

    public BasicItemCode BasicCode { get; }

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="exerciseLevel"/> is not a defined level.</exception>
    public static ImplementationCode Create(Uscc implementingBody, ExerciseLevel exerciseLevel, BasicItemCode basicCode)
    {
        if (!Enum.IsDefined(exerciseLevel))
        {
            throw new ArgumentOutOfRangeException(nameof(exerciseLevel), exerciseLevel, "Undefined exercise level.");
        }

        return new ImplementationCode(implementingBody, exerciseLevel, basicCode);
    }

    /// <summary>
    /// Rebuilds a value the platform stored or issued itself (database rows, claims). It is checked
    /// again; failure means corrupted data, so it throws rather than returning an error.
    /// </summary>
    public static ImplementationCode FromTrusted(string value) =>
        Parse(value) is { IsSuccess: true } parsed
            ? parsed.Value
            : throw new FormatException($"Stored ImplementationCode is not valid: {value}");

    /// <summary>Errors in the embedded parts keep their own codes (uscc.*, basic-item-code.*).</summary>
    public static Result<ImplementationCode> Parse(string? input)
    {
        if (IdentifierText.Normalise(input) is not { } text)
        {
            return new Invalid("implementation-code.required");
        }

        if (text.Length != Length)
        {
            return new Invalid("implementation-code.length", text.Length);
        }

        // Checked on the whole so the parts below never see spaces that their own trimming would hide.
        foreach (var c in text)
        {
            if (!IdentifierText.IsUpperAlphanumeric(c))
            {
                return new Invalid("implementation-code.charset", c);
            }
        }

        if (!Uscc.Parse(text[..Uscc.Length]).TryGet(out var body, out var error))
        {
            return error;
        }

        var level = text[Uscc.Length];
        if (level is < '1' or > '6')
        {
            return new Invalid("implementation-code.exercise-level", level);
        }

        if (!BasicItemCode.Parse(text[(Uscc.Length + 1)..]).TryGet(out var basic, out error))
        {
            return error;
        }

        return new ImplementationCode(body, (ExerciseLevel)(level - '0'), basic);
    }

    public override string ToString() => Value;
}
