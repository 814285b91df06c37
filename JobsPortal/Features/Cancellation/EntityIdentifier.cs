namespace JobsPortal.Features.Cancellation;

/// <summary>
/// A CRM.COM identifier object: exactly one of the keys its entity allows (for a job <c>id</c> or
/// <c>number</c>; for a status or reason <c>id</c>, <c>name</c> or <c>alternative_code</c>).
/// It keeps whatever keys it was given, so that zero, two or unknown keys can be told apart and
/// refused with a message that names the identifier.
/// </summary>
public sealed class EntityIdentifier
{
    public const string Id = "id";
    public const string Number = "number";
    public const string Name = "name";
    public const string AlternativeCode = "alternative_code";

    public static readonly IReadOnlyList<string> JobKeys = [Id, Number];
    public static readonly IReadOnlyList<string> ConfigurationKeys = [Id, Name, AlternativeCode];

    private EntityIdentifier(IReadOnlyList<KeyValuePair<string, string?>> keys) => Keys = keys;

    public IReadOnlyList<KeyValuePair<string, string?>> Keys { get; }

    public static EntityIdentifier Of(string key, string? value) => new([new(key, value)]);

    public static EntityIdentifier ById(int id) => Of(Id, id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static EntityIdentifier FromPairs(IEnumerable<KeyValuePair<string, string?>> keys) => new([.. keys]);

    public override string ToString() => string.Join(", ", Keys.Select(k => $"{k.Key}={k.Value}"));

    /// <summary>Checks the shape; on success gives the one key and its value.</summary>
    internal CancelError? Validate(string parameter, IReadOnlyList<string> allowed, out string key, out string value)
    {
        key = "";
        value = "";
        var allowedList = string.Join(", ", allowed);
        var unknown = Keys.Select(k => k.Key).Where(k => !allowed.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            return CancelError.Invalid(CancelErrorCodes.IdentifierUnknownKey,
                $"{parameter} has the unknown key '{string.Join("', '", unknown)}'; use exactly one of: {allowedList}.");
        }
        var given = Keys.Where(k => !string.IsNullOrWhiteSpace(k.Value)).ToList();
        if (given.Count == 0)
        {
            return CancelError.Invalid(CancelErrorCodes.IdentifierEmpty,
                $"{parameter} has no key with a value; give exactly one of: {allowedList}.");
        }
        if (Keys.Count > 1)
        {
            return CancelError.Invalid(CancelErrorCodes.IdentifierAmbiguous,
                $"{parameter} has {Keys.Count} keys ({string.Join(", ", Keys.Select(k => k.Key))}); give exactly one of: {allowedList}.");
        }
        key = given[0].Key;
        value = given[0].Value!.Trim();
        return null;
    }
}
