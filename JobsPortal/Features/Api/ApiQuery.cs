using System.Globalization;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Cancellation;
using Microsoft.Extensions.Primitives;

namespace JobsPortal.Features.Api;

/// <summary>
/// A GET method's query parameter, declared once: the OpenAPI document shows it (<see cref="ApiDocs"/>)
/// and <see cref="ApiQuery"/> accepts, requires and reads it from the same declaration. An identifier
/// parameter lists the keys its entity may be identified by.
/// </summary>
public sealed record ApiQueryParameter(string Name, string Description, bool Required = false, IReadOnlyList<string>? IdentifierKeys = null)
{
    public static readonly ApiQueryParameter Token = new(ApiEndpoints.TokenParameter, "The token, when it is not sent as Authorization: Bearer.");
    public static readonly ApiQueryParameter FieldsSet = new("fields_set", "Comma separated top-level fields to return; all when not given.");
}

/// <summary>
/// A GET method's query string, checked against the method's declared parameters: one it does not
/// take, one given twice or a mandatory one missing each have a code. Identifiers keep CRM.COM's form,
/// <c>job_identifier=number=J00000418</c>. The endpoint reads what it needs in a row and then answers
/// <see cref="Error"/>, the first thing wrong, before it has touched anything.
/// </summary>
public sealed class ApiQuery
{
    private readonly IQueryCollection _query;

    private ApiQuery(IQueryCollection query) => _query = query;

    public ApiError? Error { get; private set; }

    public static ApiQuery Read(HttpContext context, IReadOnlyList<ApiQueryParameter> parameters)
    {
        var query = new ApiQuery(context.Request.Query);
        var given = query._query;
        var unknown = given.Keys.Where(k => !parameters.Any(p => p.Name == k)).ToList();
        if (unknown.Count > 0)
        {
            query.Fail(ApiErrorCodes.UnknownParameter,
                $"This method does not take the parameter '{string.Join("', '", unknown)}'; it takes: {string.Join(", ", parameters.Select(p => p.Name))}.");
        }
        // Only an identifier may be repeated: that gives it several keys, which its check then refuses as ambiguous.
        if (parameters.FirstOrDefault(p => p.IdentifierKeys is null && given[p.Name].Count > 1) is { } repeated)
        {
            query.Fail(ApiErrorCodes.DuplicateParameter, $"The parameter '{repeated.Name}' is given more than once.");
        }
        if (parameters.FirstOrDefault(p => p.Required && !given.ContainsKey(p.Name)) is { } missing)
        {
            query.Fail(ApiErrorCodes.MissingParameter, $"The parameter '{missing.Name}' is mandatory.");
        }
        return query;
    }

    private void Fail(ApiError error) => Error ??= error;

    private void Fail(string code, string message) => Fail(ApiError.Of(code, message));

    public bool Has(ApiQueryParameter parameter) => _query.ContainsKey(parameter.Name);

    public string? Get(ApiQueryParameter parameter) =>
        _query.TryGetValue(parameter.Name, out var values) && !StringValues.IsNullOrEmpty(values) ? values[0] : null;

    /// <summary>
    /// An identifier's one key and its value, checked by the same rules and codes as cancelling (exactly
    /// one allowed key with a value); empty when it is not given or wrong. Each value of the parameter is
    /// one <c>key=value</c>; an empty value adds no key.
    /// </summary>
    public (string Key, string Value) Identifier(ApiQueryParameter parameter)
    {
        if (!_query.TryGetValue(parameter.Name, out var values) || Error is not null)
        {
            return ("", "");
        }
        var keys = new List<KeyValuePair<string, string?>>();
        foreach (var raw in values.Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            var equals = raw!.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                Fail(ApiErrorCodes.IdentifierMalformed,
                    $"{parameter.Name} must be written key=value, for example {parameter.Name}=number=J00000418 or {parameter.Name}=id=418; '{raw}' is not.");
                return ("", "");
            }
            keys.Add(new(raw[..equals].Trim(), raw[(equals + 1)..]));
        }
        if (EntityIdentifier.FromPairs(keys).Validate(parameter.Name, parameter.IdentifierKeys!, out var key, out var value) is { } error)
        {
            Fail(ApiError.From(error));
        }
        return (key, value);
    }

    public int Int(ApiQueryParameter parameter, int fallback, int min, int max)
    {
        var raw = Get(parameter);
        if (raw is null)
        {
            return fallback;
        }
        if (!int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Fail(ApiErrorCodes.WrongType, $"The parameter '{parameter.Name}' must be a whole number, not '{raw}'.");
            return fallback;
        }
        if (value < min || value > max)
        {
            Fail(ApiErrorCodes.InvalidValue, $"The parameter '{parameter.Name}' must be between {min} and {max}; it is {value}.");
            return fallback;
        }
        return value;
    }

    /// <summary>A life cycle state by its wire name; CRM.COM's pages also write "IN PROGRESS", so a space is taken for the underscore.</summary>
    public LifeCycleState? State(ApiQueryParameter parameter)
    {
        var raw = Get(parameter);
        if (raw is null)
        {
            return null;
        }
        var wire = raw.Trim().Replace(' ', '_');
        if (Enum.GetNames<LifeCycleState>().Contains(wire, StringComparer.Ordinal))
        {
            return Enum.Parse<LifeCycleState>(wire);
        }
        Fail(ApiErrorCodes.InvalidValue,
            $"{parameter.Name} '{raw}' is not a life cycle state; use one of: {string.Join(", ", Enum.GetNames<LifeCycleState>())}.");
        return null;
    }

    public FieldsSet? Fields()
    {
        if (FieldsSet.Read(Get(ApiQueryParameter.FieldsSet), out var fields) is { } error)
        {
            Fail(error);
        }
        return fields;
    }
}
