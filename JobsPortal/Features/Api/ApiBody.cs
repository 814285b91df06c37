using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using JobsPortal.Features.Cancellation;

namespace JobsPortal.Features.Api;

/// <summary>
/// A POST method's JSON body. It is read once per request, at most <see cref="MaxBytes"/> through a
/// pooled buffer (the token scheme may read it first, for a <c>token</c> field), and then deserialized
/// by System.Text.Json into the method's request record (<see cref="ApiCancelRequest"/>, ...), the same
/// record the OpenAPI document shows. The serializer is strict: a parameter the record does not have,
/// a parameter given twice, or a value of the wrong JSON type fails, and its exception is turned into
/// the API's stable codes here, instead of a model-binding ProblemDetails.
/// </summary>
public sealed class ApiBody
{
    public const int MaxBytes = 64 * 1024;

    private static readonly object CacheKey = new();

    /// <summary>
    /// Names as the records declare them (snake_case; the policy covers a member without
    /// <c>JsonPropertyName</c>), matched case-sensitively; no numbers from strings; JSON null is "not given".
    /// </summary>
    private static readonly JsonSerializerOptions Strict = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.Strict,
        MaxDepth = 16,
        Converters = { new EntityIdentifierJsonConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    // For the token scheme only: it looks for one field and leaves judging the rest to the method.
    private static readonly JsonSerializerOptions Lenient = new() { MaxDepth = 16 };

    private readonly byte[] _json;
    private readonly ApiError? _error;

    private ApiBody(byte[] json, ApiError? error)
    {
        _json = json;
        _error = error;
    }

    /// <summary>The body of this request. An empty body is an empty object.</summary>
    public static async ValueTask<ApiBody> ReadAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(CacheKey, out var cached))
        {
            return (ApiBody)cached!;
        }
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBytes + 1);
        try
        {
            var body = await ReadAsync(context, buffer);
            context.Items[CacheKey] = body;
            return body;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<ApiBody> ReadAsync(HttpContext context, byte[] buffer)
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
            return new ApiBody([], ApiError.Of(ApiErrorCodes.InvalidJson, $"The body is larger than {MaxBytes} bytes; a method's parameters never are."));
        }
        var json = buffer.AsSpan(0, length);
        return new ApiBody(json.Trim(" \t\r\n"u8).IsEmpty ? "{}"u8.ToArray() : json.ToArray(), null);
    }

    /// <summary>The <c>token</c> field, if the body is JSON with a string there; whatever else is wrong is the method's to say.</summary>
    public string? Token()
    {
        if (_error is not null)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<TokenField>(_json, Lenient)?.Token;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record TokenField([property: JsonPropertyName(ApiEndpoints.TokenParameter)] string? Token);

    /// <summary>
    /// The body as the method's request record, or the first thing wrong with it. A non-nullable member
    /// of the record is a mandatory parameter: absent or JSON null is <c>MISSING_PARAMETER</c>.
    /// </summary>
    public (T? Request, ApiError? Error) Read<T>() where T : class
    {
        if (_error is not null)
        {
            return (null, _error);
        }
        var contract = (JsonTypeInfo<T>)Strict.GetTypeInfo(typeof(T));
        T? request;
        try
        {
            request = JsonSerializer.Deserialize(_json, contract);
        }
        catch (JsonException e)
        {
            return (null, ApiBodyErrors.Diagnose(_json, e, contract, Strict.MaxDepth));
        }
        if (request is null)
        {
            return (null, ApiBodyErrors.NotAnObject(JsonValueKind.Null));
        }
        var missing = contract.Properties.FirstOrDefault(p => !p.IsSetNullable && p.Get!(request) is null);
        return missing is null
            ? (request, null)
            : (null, ApiError.Of(ApiErrorCodes.MissingParameter, $"The parameter '{missing.Name}' is mandatory."));
    }
}

/// <summary>
/// Turns the strict serializer's failure into the API's code, by looking at the body once more (only
/// on this error path): not JSON, or a string that is not text, is <c>INVALID_JSON</c>; then, in the
/// order the API has always reported them, a parameter the method does not take, one given twice, and
/// the parameter the exception's path points at with a value of the wrong type.
/// </summary>
internal static class ApiBodyErrors
{
    public static ApiError Diagnose(byte[] json, JsonException e, JsonTypeInfo contract, int maxDepth)
    {
        if (!IsJsonText(json, maxDepth))
        {
            return ApiError.Of(ApiErrorCodes.InvalidJson,
                $"The body is not valid JSON text (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}); send a JSON object of parameters in UTF-8.");
        }
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = maxDepth });
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return NotAnObject(root.ValueKind);
        }
        var names = root.EnumerateObject().Select(p => p.Name).ToList();
        var parameters = contract.Properties.Select(p => p.Name).ToList();
        var unknown = names.Where(n => !parameters.Contains(n, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            return ApiError.Of(ApiErrorCodes.UnknownParameter,
                $"This method does not take the parameter '{string.Join("', '", unknown)}'; it takes: {string.Join(", ", parameters)}.");
        }
        var repeated = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            return ApiError.Of(ApiErrorCodes.DuplicateParameter, $"The parameter '{repeated.Key}' is given more than once.");
        }
        var property = contract.Properties.FirstOrDefault(p => p.Name == ParameterOf(e.Path));
        if (property is null)
        {
            return ApiError.Of(ApiErrorCodes.InvalidJson, $"The body could not be read as this method's parameters: {e.Message}");
        }
        if (e is IdentifierKeyTypeException key)
        {
            return ApiError.Of(ApiErrorCodes.WrongType, $"The parameter '{property.Name}.{key.Key}' must be a string, not a JSON {key.Given}.");
        }
        var given = root.GetProperty(property.Name).ValueKind;
        if (given == JsonValueKind.Array && property.PropertyType == typeof(List<ApiNewJobItem>))
        {
            return ApiError.Of(ApiErrorCodes.WrongType, $"An entry of '{property.Name}' does not fit ({e.Path}): each is an object with " +
                "product_code, product_name, kind and serial_number (strings) and quantity (a whole number), and no other key.");
        }
        return ApiError.Of(ApiErrorCodes.WrongType,
            $"The parameter '{property.Name}' must be {Expected(property.PropertyType)}, not a JSON {Describe(given)}.");
    }

    public static ApiError NotAnObject(JsonValueKind kind) => ApiError.Of(ApiErrorCodes.InvalidJson,
        $"The body is a JSON {Describe(kind)}; it must be a JSON object of parameters.");

    /// <summary>
    /// Well-formed JSON whose every name and string value is text: valid UTF-8, and no escape that
    /// leaves half a surrogate pair (<c>"\ud800"</c>). The reader checks neither until a string is read.
    /// </summary>
    private static bool IsJsonText(ReadOnlySpan<byte> json, int maxDepth)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String)
                {
                    reader.GetString();
                }
            }
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The top-level parameter a serializer path is in: <c>$.job_identifier.number</c> and <c>$['job_identifier']</c> give <c>job_identifier</c>.</summary>
    private static string? ParameterOf(string? path)
    {
        if (path is null || path.Length < 3)
        {
            return null;
        }
        if (path.StartsWith("$['", StringComparison.Ordinal))
        {
            var end = path.IndexOf("']", 3, StringComparison.Ordinal);
            return end < 0 ? null : path[3..end];
        }
        if (!path.StartsWith("$.", StringComparison.Ordinal))
        {
            return null;
        }
        var rest = path[2..];
        var next = rest.IndexOfAny(['.', '[']);
        return next < 0 ? rest : rest[..next];
    }

    private static string Expected(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(bool) => "a boolean (true or false)",
        var t when t == typeof(EntityIdentifier) => "an object with one key, such as {\"number\":\"J00000418\"}",
        var t when t == typeof(List<ApiNewJobItem>) => "an array of item objects",
        _ => "a string",
    };

    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
