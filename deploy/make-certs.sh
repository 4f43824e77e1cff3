#!/usr/bin/env bash
# Makes a private PKI for lcproc serve's TLS and mutual TLS, with openssl:
#   ca.pem ca.key            the CA that signs the server and the bank client certificates
#   server.pem server.key    the server's certificate for 127.0.0.1 / localhost (EC P-256)
#   <BIC>.pem <BIC>.key      one client certificate per BIC given (CN = the BIC)
#   <BIC>.sha256             its SHA-256 fingerprint (lower-case hex of the DER): the key of
#                            "client-certificates" in lcproc serve's --config file
# and, for tests of what must be refused:
#   rogue-ca.pem, rogue.pem/.key   a client certificate from another CA
#   expired.pem/.key               a client certificate of the CA whose validity has ended
#
#   deploy/make-certs.sh DIR BIC...
set -euo pipefail
dir=${1:?usage: make-certs.sh DIR BIC...}
shift
mkdir -p "$dir"
cd "$dir"
ec() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

# A CA (self-signed, 10 years).
make_ca() {  # name subject
  ec "$1.key"
  openssl req -x509 -new -key "$1.key" -sha256 -days 3650 -subj "$2" -out "$1.pem" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
}
# A leaf signed by a CA, valid from $5 to $6 (openssl ca-style dates) or for 825 days.
make_leaf() {  # name subject ca extfile-contents [not_before not_after]
  ec "$1.key"
  openssl req -new -key "$1.key" -subj "$2" -out "$1.csr" 2>/dev/null
  printf '%s\n' "$4" > "$1.ext"
  if [[ $# -ge 6 ]]; then
    # openssl x509 cannot back-date: a throw-away `openssl ca` database can.
    mkdir -p "$1.db"
    : > "$1.db/index.txt"
    printf 'unique_subject = no\n' > "$1.db/index.txt.attr"
    cat > "$1.db/ca.cnf" <<CNF
[ ca ]
default_ca = d
[ d ]
database = $1.db/index.txt
new_certs_dir = $1.db
serial = $1.db/serial
default_md = sha256
policy = p
copy_extensions = none
[ p ]
commonName = supplied
CNF
    openssl rand -hex 8 > "$1.db/serial"
    openssl ca -batch -config "$1.db/ca.cnf" -cert "$3.pem" -keyfile "$3.key" -in "$1.csr" -out "$1.pem" \
      -startdate "$5" -enddate "$6" -extfile "$1.ext" -notext 2>/dev/null
    rm -rf "$1.db"
  else
    openssl x509 -req -in "$1.csr" -CA "$3.pem" -CAkey "$3.key" -CAcreateserial -days 825 -sha256 \
      -extfile "$1.ext" -out "$1.pem" 2>/dev/null
  fi
  rm -f "$1.csr" "$1.ext"
}
fingerprint() {
  openssl x509 -in "$1.pem" -outform DER | openssl dgst -sha256 -r | cut -d' ' -f1 > "$1.sha256"
}

make_ca ca "/CN=lcproc test CA"
make_leaf server "/CN=localhost" ca $'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth'
for bic in "$@"; do
  make_leaf "$bic" "/CN=$bic" ca "extendedKeyUsage=clientAuth"
  fingerprint "$bic"
done
make_ca rogue-ca "/CN=not the lcproc CA"
make_leaf rogue "/CN=ROGUE" rogue-ca "extendedKeyUsage=clientAuth"
make_leaf expired "/CN=EXPIRED" ca "extendedKeyUsage=clientAuth" 20200101000000Z 20210101000000Z
fingerprint expired
rm -f ./*.srl
chmod 600 ./*.key
