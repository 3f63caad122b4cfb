#!/bin/sh
# get a token, then introspect it with the same client assertion
ASSERTION_TOKEN=done
curl -s -X POST https://dev-123.okta.com/oauth2/v1/token \
  -d grant_type=client_credentials -d scope=okta.users.read \
  -d client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer \
  -d client_assertion=eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJpc3MiOiIwb2E4ZjNleGFtcGxlIiwic3ViIjoiMG9hOGYzZXhhbXBsZSIsImF1ZCI6Imh0dHBzOi8vZGV2LTEyMy5va3RhLmNvbS9vYXV0aDIvdjEvdG9rZW4iLCJpYXQiOjE3NDg4NzI4MDAsImV4cCI6MTc0ODg3MzEwMCwianRpIjoibXVsdGktMSJ9.c2lnbmF0dXJl
curl -s -X POST https://dev-123.okta.com/oauth2/v1/introspect \
  -d token=opaque-access-token \
  -d client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer \
  -d client_assertion=eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJpc3MiOiIwb2E4ZjNleGFtcGxlIiwic3ViIjoiMG9hOGYzZXhhbXBsZSIsImF1ZCI6Imh0dHBzOi8vZGV2LTEyMy5va3RhLmNvbS9vYXV0aDIvdjEvdG9rZW4iLCJpYXQiOjE3NDg4NzI4MDAsImV4cCI6MTc0ODg3MzEwMCwianRpIjoibXVsdGktMSJ9.c2lnbmF0dXJl
