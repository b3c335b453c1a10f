namespace Tongban.Domain.Primitives;

/// <summary>
/// The weighted sum Σ value(cᵢ)·wᵢ at the heart of the GB 11643, GB 11714 and GB 32100 check
/// characters. Each standard then applies its own modulus and mapping to a character.
/// </summary>
internal static class Checksum
{
    public static int WeightedSum(ReadOnlySpan<char> chars, ReadOnlySpan<int> weights, Func<char, int> valueOf)
    {
        if (chars.Length != weights.Length)
        {
            throw new ArgumentException($"Expected {weights.Length} characters, got {chars.Length}.", nameof(chars));
        }

        var sum = 0;
        for (var i = 0; i < chars.Length; i++)
        {
            sum += valueOf(chars[i]) * weights[i];
        }

        return sum;
    }
}
