namespace Tongban.Domain.Identity;

/// <summary>How many failed sign-ins lock an account, and for how long.</summary>
public sealed record SignInPolicy(int MaxFailedAttempts, TimeSpan LockoutDuration)
{
    public static SignInPolicy Default { get; } = new(5, TimeSpan.FromMinutes(15));
}
