using System.Buffers;
using System.Globalization;
using System.Text.Json;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Cancellation;
using Microsoft.Extensions.Primitives;

namespace JobsPortal.Features.Api;

/// <summary>
/// A POST method's JSON body, read once per request (the token handler may read it first, to find a
/// <c>token</c> field) and then checked field by field, so that malformed JSON, unknown or repeated
/// parameters and wrong types each get their own code instead of a model-binding ProblemDetails.
/// </summary>
public sealed class ApiBody : ApiParameters
{
    private static readonly object CacheKey = new();
    private readonly Dictionary<string, JsonElement> _fields;
    private readonly List<string> _duplicates;

    private ApiBody(Dictionary<string, JsonElement> fields, List<string> duplicates)
    {
        _fields = fields;
        _duplicates = duplicates;
    }

    public const int MaxBytes = 64 * 1024;

    /// <summary>The body of this request, or why it is not a JSON object. An empty body is an empty object.</summary>
    public static async Task<(ApiBody? Body, ApiError? Error)> ReadAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(CacheKey, out var cached))
        {
            return ((ApiBody? Body, ApiError? Error))cached!;
        }
        var result = await ParseAsync(context);
        context.Items[CacheKey] = result;
        return result;
    }

    private static async Task<(ApiBody?, ApiError?)> ParseAsync(HttpContext context)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBytes + 1);
        try
        {
            return await ParseAsync(context, buffer);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<(ApiBody?, ApiError?)> ParseAsync(HttpContext context, byte[] buffer)
    {
        // Read at most MaxBytes + 1, so a huge body is refused without being held in memory.
        var length = 0;
        int read;
        while (length <= MaxBytes && (read = await context.Request.Body.ReadAsync(buffer.AsMemory(length, MaxBytes + 1 - length), context.RequestAborted)) > 0)
        {
            length += read;
        }
        if (length > MaxBytes)
        {
            return (null, ApiError.Of(ApiErrorCodes.InvalidJson, $"The body is larger than {MaxBytes} bytes; a method's parameters never are."));
        }
        var bytes = buffer.AsMemory(0, length);
        if (bytes.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return (new ApiBody([], []), null);
        }
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, ApiError.Of(ApiErrorCodes.InvalidJson,
                    $"The body is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}; it must be a JSON object of parameters."));
            }
            var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            var duplicates = new List<string>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!fields.TryAdd(property.Name, property.Value.Clone()))
                {
                    duplicates.Add(property.Name);
                }
            }
            return (new ApiBody(fields, duplicates), null);
        }
        catch (JsonException e)
        {
            return (null, ApiError.Of(ApiErrorCodes.InvalidJson,
                $"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}); send a JSON object of parameters."));
        }
    }

    /// <summary>Refuses any parameter the method does not take, and any parameter given twice.</summary>
    public void Check(IReadOnlyCollection<string> allowed)
    {
        CheckNames(_fields.Keys, allowed);
        if (_duplicates.Count > 0)
        {
            Fail(ApiError.Of(ApiErrorCodes.DuplicateParameter, $"The parameter '{_duplicates[0]}' is given more than once."));
        }
    }

    /// <summary>A field that is absent or JSON null counts as not given.</summary>
    private bool TryGet(string name, out JsonElement value) =>
        _fields.TryGetValue(name, out value) && value.ValueKind != JsonValueKind.Null;

    public string? String(string name)
    {
        if (!TryGet(name, out var element))
        {
            return null;
        }
        if (element.ValueKind != JsonValueKind.String)
        {
            WrongType(name, element, "a string");
            return null;
        }
        return element.GetString();
    }

    public string RequiredString(string name)
    {
        if (!TryGet(name, out _))
        {
            Missing(name);
        }
        return String(name) ?? "";
    }

    public bool? Boolean(string name)
    {
        if (!TryGet(name, out var element))
        {
            return null;
        }
        if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            WrongType(name, element, "a boolean (true or false)");
            return null;
        }
        return element.GetBoolean();
    }

    /// <summary>
    /// An identifier object such as <c>{"number":"J00000418"}</c>. Its keys are kept as given, so the
    /// cancellation service (or <see cref="EntityIdentifier.Validate"/>) can tell zero, two or unknown keys apart.
    /// </summary>
    public EntityIdentifier? Identifier(string name, bool required = false)
    {
        if (!TryGet(name, out var element))
        {
            if (required)
            {
                Missing(name);
            }
            return null;
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            WrongType(name, element, "an object with one key, such as {\"number\":\"J00000418\"}");
            return null;
        }
        var pairs = new List<KeyValuePair<string, string?>>();
        foreach (var key in element.EnumerateObject())
        {
            switch (key.Value.ValueKind)
            {
                case JsonValueKind.String:
                    pairs.Add(new(key.Name, key.Value.GetString()));
                    break;
                case JsonValueKind.Number:
                    pairs.Add(new(key.Name, key.Value.GetRawText()));
                    break;
                case JsonValueKind.Null:
                    pairs.Add(new(key.Name, null));
                    break;
                default:
                    WrongType($"{name}.{key.Name}", key.Value, "a string");
                    return null;
            }
        }
        return EntityIdentifier.FromPairs(pairs);
    }

    private void WrongType(string name, JsonElement element, string expected) =>
        Fail(ApiError.Of(ApiErrorCodes.WrongType, $"The parameter '{name}' must be {expected}, not a JSON {Describe(element.ValueKind)}."));

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => kind.ToString().ToLowerInvariant(),
    };
}

/// <summary>A GET method's query string, checked like a body: unknown or repeated parameters and bad values each have a code.</summary>
public sealed class ApiQuery(IQueryCollection query) : ApiParameters
{
    /// <summary>Refuses any parameter the method does not take; only identifiers may be repeated (that gives them several keys).</summary>
    public void Check(IReadOnlyCollection<string> allowed, IReadOnlyCollection<string> repeatable)
    {
        CheckNames(query.Keys, allowed);
        var repeated = query.Where(p => p.Value.Count > 1 && !repeatable.Contains(p.Key)).Select(p => p.Key).FirstOrDefault();
        if (repeated is not null)
        {
            Fail(ApiError.Of(ApiErrorCodes.DuplicateParameter, $"The parameter '{repeated}' is given more than once."));
        }
    }

    public string? Get(string name) => query.TryGetValue(name, out var values) && !StringValues.IsNullOrEmpty(values) ? values[0] : null;

    /// <summary>
    /// CRM.COM's query form of an identifier: <c>job_identifier=number=J00000418</c> (<c>key=value</c>
    /// inside the parameter's value). Repeating the parameter gives an identifier with several keys,
    /// which validation then refuses as ambiguous; an empty value gives one with none.
    /// </summary>
    public EntityIdentifier? Identifier(string name, bool required = false)
    {
        if (!query.TryGetValue(name, out var values))
        {
            if (required)
            {
                Missing(name);
            }
            return null;
        }
        var pairs = new List<KeyValuePair<string, string?>>();
        foreach (var raw in values)
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }
            var equals = raw.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                Fail(ApiError.Of(ApiErrorCodes.IdentifierMalformed,
                    $"{name} must be written key=value, for example {name}=number=J00000418 or {name}=id=418; '{raw}' is not."));
                return null;
            }
            pairs.Add(new(raw[..equals].Trim(), raw[(equals + 1)..]));
        }
        return EntityIdentifier.FromPairs(pairs);
    }

    public int Int(string name, int fallback, int min, int max)
    {
        var raw = Get(name);
        if (raw is null)
        {
            return fallback;
        }
        if (!int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Fail(ApiError.Of(ApiErrorCodes.WrongType, $"The parameter '{name}' must be a whole number, not '{raw}'."));
            return fallback;
        }
        if (value < min || value > max)
        {
            Fail(ApiError.Of(ApiErrorCodes.InvalidValue, $"The parameter '{name}' must be between {min} and {max}; it is {value}."));
            return fallback;
        }
        return value;
    }

    /// <summary>A life cycle state by its wire name; CRM.COM's pages also write "IN PROGRESS", so a space is taken for the underscore.</summary>
    public LifeCycleState? State(string name)
    {
        var raw = Get(name);
        if (raw is null)
        {
            return null;
        }
        var wire = raw.Trim().Replace(' ', '_');
        if (Enum.GetNames<LifeCycleState>().Contains(wire, StringComparer.Ordinal))
        {
            return Enum.Parse<LifeCycleState>(wire);
        }
        Fail(ApiError.Of(ApiErrorCodes.InvalidValue,
            $"{name} '{raw}' is not a life cycle state; use one of: {string.Join(", ", Enum.GetNames<LifeCycleState>())}."));
        return null;
    }
}

/// <summary>
/// Reads a method's parameters one by one and keeps the first thing wrong with them, so an endpoint
/// reads all it needs in a row and then answers that error, before it has touched anything.
/// </summary>
public abstract class ApiParameters
{
    public ApiError? Error { get; private set; }

    public void Fail(ApiError error) => Error ??= error;

    protected void Missing(string name) => Fail(ApiError.Of(ApiErrorCodes.MissingParameter, $"The parameter '{name}' is mandatory."));

    protected void CheckNames(IEnumerable<string> given, IReadOnlyCollection<string> allowed)
    {
        var unknown = given.Where(k => !allowed.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            Fail(ApiError.Of(ApiErrorCodes.UnknownParameter,
                $"This method does not take the parameter '{string.Join("', '", unknown)}'; it takes: {string.Join(", ", allowed)}."));
        }
    }

    /// <summary>The same identifier rules as cancelling (exactly one allowed key with a value), with the same codes.</summary>
    public (string Key, string Value) Validate(EntityIdentifier? identifier, string name, IReadOnlyList<string> keys)
    {
        if (identifier is null || Error is not null)
        {
            return ("", "");
        }
        if (identifier.Validate(name, keys, out var key, out var value) is { } error)
        {
            Fail(ApiError.From(error));
        }
        return (key, value);
    }

    public FieldsSet? Fields(string? value)
    {
        if (FieldsSet.Read(value, out var fields) is { } error)
        {
            Fail(error);
        }
        return fields;
    }
}
