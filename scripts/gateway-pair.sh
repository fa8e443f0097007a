# Sourced by scripts/test.sh: two servers, the way a team runs Switchboard in front of its
# real vendors. One plays all five vendors with --vendor-auth (it checks the credentials
# each vendor would); the other is the gateway, forwarding every backend to it and adding
# those credentials, which it reads from the environment like any secret. The browser
# tests then run once more, against the gateway.
#
#   start_gateway_pair SERVER_BIN DIR ALLOWED_ORIGIN
#
# (free_port, below, also finds the port of the test command's own browser pages.)
#
# exports GATEWAY_URL, UPSTREAM_URL, GATEWAY_SECRETS (the values no answer or log may
# hold, one per line) and GATEWAY_LOGS (the two servers' logs); stop_gateway_pair stops
# both.

free_port() {
  # Below the kernel's range for outgoing connections' own ports (32768 up, by default):
  # no connection made meanwhile can take the port before its server binds it.
  local candidate low=32768 span
  read -r low _ </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || true
  span=$(( low - 20000 ))
  [ "$span" -ge 2000 ] || span=30000
  for _ in $(seq 1 50); do
    candidate=$(( 20000 + RANDOM % span ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

# A random secret, long and without quotes: it goes in the environment only.
random_secret() {
  head -c 24 /dev/urandom | base64 | tr -d '/+=\n'
}

# The auth sections both servers share: what the vendor checks is what the gateway adds.
gateway_auth_sections() {
  sed "s#VENDOR#$1#g" "$ROOT/tests/fixtures/gateway-auth.toml"
}

# Starts SERVER_BIN with the rest of the arguments, logging to LOG; waits for its line.
start_one() {
  local log="$1"; shift
  "$@" >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 100); do
    grep -q "running at" "$log" 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; return 1; }
    sleep 0.1
  done
  grep -q "running at" "$log" || { cat "$log" >&2; return 1; }
  echo "$pid"
}

start_gateway_pair() {
  local server_bin="$1" dir="$2" origin="$3"
  local up_port gw_port
  up_port="$(free_port)" || return 1
  gw_port="$(free_port)" || return 1
  UPSTREAM_URL="http://127.0.0.1:$up_port"
  GATEWAY_URL="http://127.0.0.1:$gw_port"
  export SWITCHBOARD_COMMUNICATION_API_KEY SWITCHBOARD_OCTOPIA_CLIENT_SECRET \
    SWITCHBOARD_CASE_MESSAGES_TOKEN SWITCHBOARD_SUPPORT_SESSIONS_API_KEY \
    SWITCHBOARD_POSTCENTER_API_KEY
  SWITCHBOARD_COMMUNICATION_API_KEY="$(random_secret)"
  SWITCHBOARD_OCTOPIA_CLIENT_SECRET="$(random_secret)"
  SWITCHBOARD_CASE_MESSAGES_TOKEN="$(random_secret)"
  SWITCHBOARD_SUPPORT_SESSIONS_API_KEY="$(random_secret)"
  SWITCHBOARD_POSTCENTER_API_KEY="$(random_secret)"
  GATEWAY_SECRETS="$(printf '%s\n' "$SWITCHBOARD_COMMUNICATION_API_KEY" \
    "$SWITCHBOARD_OCTOPIA_CLIENT_SECRET" "$SWITCHBOARD_CASE_MESSAGES_TOKEN" \
    "$SWITCHBOARD_SUPPORT_SESSIONS_API_KEY" "$SWITCHBOARD_POSTCENTER_API_KEY")"
  export GATEWAY_URL UPSTREAM_URL GATEWAY_SECRETS

  gateway_auth_sections "$UPSTREAM_URL" >"$dir/vendor.toml"
  {
    local name base
    for pair in communication:/communication/v1 octopia:/octopia/v2 case-messages:/api/v3 \
      support-sessions:/support-management/v1 postcenter:/postcenter; do
      name="${pair%%:*}"; base="${pair#*:}"
      printf '[backends.%s]\nmode = "forward"\nupstream = "%s%s"\n\n' "$name" "$UPSTREAM_URL" "$base"
    done
    gateway_auth_sections "$UPSTREAM_URL"
  } >"$dir/gateway.toml"

  GATEWAY_LOGS="$dir/vendor.log $dir/gateway.log"
  export GATEWAY_LOGS
  UPSTREAM_PID="$(start_one "$dir/vendor.log" "$server_bin" --host 127.0.0.1 --port "$up_port" \
    --db "$dir/vendor.sqlite3" --dist "" --config "$dir/vendor.toml" --vendor-auth)" || return 1
  GATEWAY_PID="$(start_one "$dir/gateway.log" "$server_bin" --host 127.0.0.1 --port "$gw_port" \
    --db "$dir/gateway.sqlite3" --dist "" --config "$dir/gateway.toml" \
    --allow-origin "$origin")" || return 1
  # Each demo agent is themselves on every vendor that knows agents (the vendor here is the
  # reference, seeded with the same agents): what an admin does once per agent for real.
  local email id backend
  while read -r email id; do
    for backend in communication octopia case-messages postcenter; do
      "$server_bin" agents identity set "$email" "$backend" --id "$id" \
        --db "$dir/gateway.sqlite3" >/dev/null || return 1
    done
  done < <("$server_bin" agents list --db "$dir/gateway.sqlite3" | awk 'NR > 1 { print $1, $NF }')
}

stop_gateway_pair() {
  kill "${GATEWAY_PID:-}" "${UPSTREAM_PID:-}" 2>/dev/null || true
}

# Fails, naming the file, if any log holds one of the secrets.
logs_hold_no_secret() {
  local secret log
  while IFS= read -r secret; do
    [ -n "$secret" ] || continue
    for log in $GATEWAY_LOGS; do
      if grep -qF "$secret" "$log"; then
        echo "a secret is in $log" >&2
        return 1
      fi
    done
  done <<<"$GATEWAY_SECRETS"
}
