using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using JobsPortal.Features.Cancellation;

namespace JobsPortal.Features.Api;

/// <summary>
/// Reads an identifier object as it was given: every key with its value (a string, a number's text,
/// or null), unknown and repeated keys included, so that <see cref="EntityIdentifier"/>'s own check can
/// tell zero, two or unknown keys apart and name the parameter. Only the API's strict options use it:
/// the OpenAPI document describes the identifier by the schema in <see cref="ApiDocs"/>.
/// </summary>
internal sealed class EntityIdentifierJsonConverter : JsonConverter<EntityIdentifier>
{
    public override EntityIdentifier Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException(); // the parameter's type is wrong; ApiBodyErrors says so with its path
        }
        var keys = new List<KeyValuePair<string, string?>>(1);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            keys.Add(new(key, reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                JsonTokenType.Null => null,
                _ => throw new IdentifierKeyTypeException(key, reader.TokenType switch
                {
                    JsonTokenType.True or JsonTokenType.False => "boolean",
                    JsonTokenType.StartArray => "array",
                    _ => "object",
                }),
            }));
        }
        return EntityIdentifier.FromPairs(keys);
    }

    public override void Write(Utf8JsonWriter writer, EntityIdentifier value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, text) in value.Keys)
        {
            writer.WriteString(key, text);
        }
        writer.WriteEndObject();
    }
}

/// <summary>An identifier's key whose value is not a string, a number or null.</summary>
internal sealed class IdentifierKeyTypeException(string key, string given) : JsonException
{
    public string Key { get; } = key;
    public string Given { get; } = given;
}
